using Gazette;
using Gazette.Accounts;
using Gazette.Admin.Articles;
using Gazette.Api;
using Gazette.Caching;
using Gazette.Cli;
using Gazette.Comments;
using Gazette.Data;
using Gazette.Editions;
using Gazette.Feeds;
using Gazette.Localization;
using Gazette.Media;
using Gazette.Search;
using Gazette.Security;
using Gazette.Site;
using Gazette.Sitemaps;

if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(args is ["serve", ..] ? args[1..] : args);
// `dotnet run` outside Development still serves wwwroot from the build's manifest; without this the
// fingerprinted, precompressed CSS answers browsers with an empty body. No effect on published output.
builder.WebHost.UseStaticWebAssets();
var options = GazetteServices.Add(builder);

var app = builder.Build();
// EF Core builds its model of the database (about a second) the first time a context is used, which at start-up
// is the database initializer, after the pipeline below is put together; building it now, on another core, overlaps
// the two. The initializer then finds it built, or waits for it.
_ = Task.Run(() =>
{
    using var scope = app.Services.CreateScope();
    _ = scope.ServiceProvider.GetRequiredService<GazetteDb>().Model;
});

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(Addresses.ErrorPage(500));
}
// HSTS too (over HTTPS only), for every answer below, error pages included.
app.UseGazetteSecurityHeaders();
app.UseStatusCodePagesWithReExecute(Addresses.ErrorPagePattern);
app.UseDatabaseOutageResponses();
app.UseLegacyRedirects();
// Before any output cache: the first-visit redirect at / depends on Accept-Language and the edition cookie.
app.UseEditionChoice();
app.MapStaticAssets();
app.UseGazetteMedia(options);
app.UseCors();
// Nothing above reads the database for an anonymous reader, so cached pages are served while the database is away;
// the cache policy itself lets every signed-in request (auth cookie or bearer token) through (Caching/GazetteCachePolicy.cs).
app.UseGazetteOutputCache();
app.UseAuthentication();
app.UseNewsroomCulture();
app.UseRateLimiter();
app.UseAuthorization();
app.UseMustChangePassword();
app.MapHealth();
app.MapMediaApi();
app.MapSearchApi();
app.MapArticleLookup();
app.MapCommentTokens();
app.MapCspReports();
// What machines read is cached whole, varied on every query parameter (Caching/OutputCaching.cs).
var machines = app.MapGroup("").CacheOutput(OutputCaching.Machines);
machines.MapFeeds();
machines.MapOEmbed();
machines.MapSitemaps();
app.MapEditionChoice();
app.MapOpenApi();
app.MapContentApi().CacheOutput(OutputCaching.Machines);
app.MapAdminApi();
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
