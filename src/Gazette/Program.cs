using System.Text.Encodings.Web;
using System.Text.Unicode;

using Gazette;
using Gazette.Accounts;
using Gazette.Admin.Stories;
using Gazette.Articles;
using Gazette.Articles.Markdown;
using Gazette.Cli;
using Gazette.Data;
using Gazette.Demo;
using Gazette.Media;
using Gazette.Site;

using Microsoft.Extensions.WebEncoders;

if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(args is ["serve", ..] ? args[1..] : args);
// `dotnet run` outside Development still serves wwwroot from the build's manifest; without this the
// fingerprinted, precompressed CSS answers browsers with an empty body. No effect on published output.
builder.WebHost.UseStaticWebAssets();
var options = builder.Configuration.GetSection(GazetteOptions.SectionName).Get<GazetteOptions>() ?? new GazetteOptions();
builder.Services.Configure<GazetteOptions>(builder.Configuration.GetSection(GazetteOptions.SectionName));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddGazetteData(builder.Configuration, options);
builder.Services.AddGazetteAccounts();
builder.Services.AddSingleton<SiteContext>();
builder.Services.AddSingleton<ArticleMarkdown>();
builder.Services.AddScoped<ReadAlsoBlocks>();
builder.Services.AddScoped<ArticleEditor>();
builder.Services.AddScoped<DemoContent>();
builder.Services.AddRazorPages(pages =>
{
    pages.RootDirectory = "/";
    // Every newsroom page needs a newsroom role unless it says otherwise; pages narrow it further with [Authorize(Policy = …)].
    pages.Conventions.AuthorizeFolder("/Admin", Policies.Newsroom);
    pages.Conventions.AllowAnonymousToFolder("/Admin/Account");
});
// Write accents and non-Latin scripts as themselves, not as &#xE9; entities: pages in every language stay small and readable.
builder.Services.Configure<WebEncoderOptions>(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.MapStaticAssets();
app.UseGazetteMedia(options);
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapStoryLookup();
app.MapRazorPages().WithStaticAssets();

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
