using Gazette;
using Gazette.Articles;
using Gazette.Articles.Markdown;
using Gazette.Cli;
using Gazette.Data;
using Gazette.Demo;
using Gazette.Media;
using Gazette.Site;

if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(args is ["serve", ..] ? args[1..] : args);
var options = builder.Configuration.GetSection(GazetteOptions.SectionName).Get<GazetteOptions>() ?? new GazetteOptions();
builder.Services.Configure<GazetteOptions>(builder.Configuration.GetSection(GazetteOptions.SectionName));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddGazetteData(builder.Configuration, options);
builder.Services.AddSingleton<SiteContext>();
builder.Services.AddSingleton<ArticleMarkdown>();
builder.Services.AddScoped<ReadAlsoBlocks>();
builder.Services.AddScoped<ArticleEditor>();
builder.Services.AddScoped<DemoContent>();
builder.Services.AddRazorPages(pages => pages.RootDirectory = "/");

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.MapStaticAssets();
app.UseGazetteMedia(options);
app.MapHealth();
app.MapRazorPages();

app.Lifetime.ApplicationStarted.Register(() =>
{
    app.Logger.LogInformation("Gazette data folder: {DataDirectory}; database: {Provider}",
        options.FullDataDirectory, app.Configuration["Database:Provider"] ?? "Sqlite");
    foreach (var address in app.Urls)
        app.Logger.LogInformation("Gazette is serving at {Address}", address);
});

await app.RunAsync();
return 0;

public partial class Program;
