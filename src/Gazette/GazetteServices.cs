using System.Text.Encodings.Web;
using System.Text.Unicode;

using Gazette.Accounts;
using Gazette.Api;
using Gazette.Articles;
using Gazette.Articles.Markdown;
using Gazette.Caching;
using Gazette.Comments;
using Gazette.Data;
using Gazette.Demo;
using Gazette.Localization;
using Gazette.Media;
using Gazette.Search;
using Gazette.Security;
using Gazette.Site;
using Gazette.Webhooks;

using Microsoft.Extensions.WebEncoders;

namespace Gazette;

/// <summary>
/// The composition root's service registrations, shared by the web server and the command-line verbs that need the
/// database or the search index: both see the same configuration, database provider and Identity options.
/// </summary>
public static class GazetteServices
{
    /// <summary>Everything the web server needs: the core services, accounts, and Razor Pages.</summary>
    public static GazetteOptions Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = services.AddGazetteCore(builder.Configuration);
        services.AddGazetteAccounts(builder.Configuration);
        services.AddScoped<NewsroomAccounts>();
        services.AddSignInRateLimit(options);
        services.AddCspReports(builder.Configuration);
        builder.AddGazetteSecurityHeaders();
        services.AddGazetteComments(builder.Configuration);
        services.AddProblemDetails();
        services.AddContentApi();
        services.AddApiTokens();
        services.AddWebhooks();
        services.AddGazetteOutputCache(builder.Configuration);
        services.AddGazetteCacheStore(builder.Configuration);
        // The document describes the versioned JSON APIs only, not the admin pages' own helpers.
        services.AddOpenApi(openApi => openApi.ShouldInclude = api => api.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true);
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/";
            // Every newsroom page needs a newsroom role unless it says otherwise; pages narrow it further with [Authorize(Policy = …)].
            pages.Conventions.AuthorizeFolder("/Admin", Policies.Newsroom);
            // The names of sections and tags are edited from their own feature folder (Names/), still a newsroom page.
            pages.Conventions.AuthorizePage("/Names/NamesPage", Policies.Newsroom);
            // Named one by one rather than the whole Account folder: "my account" pages live there too and need a signed-in user.
            foreach (var page in AccountsRegistration.AnonymousPages)
                pages.Conventions.AllowAnonymousToPage(page);
            Site.PageRoutes.AddPublicPageRoutes(pages.Conventions);
        }).AddNewsroomLocalization();
        // Write accents and non-Latin scripts as themselves, not as &#xE9; entities: pages in every language stay small and readable.
        services.Configure<WebEncoderOptions>(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return options;
    }

    /// <summary>The services that need no web server: the database, site settings, stories, media, scheduler, search index.</summary>
    public static GazetteOptions AddGazetteCore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(GazetteOptions.SectionName).Get<GazetteOptions>() ?? new GazetteOptions();
        services.Configure<GazetteOptions>(configuration.GetSection(GazetteOptions.SectionName));
        services.AddSingleton(TimeProvider.System);
        services.AddGazetteData(configuration, options);
        services.AddSingleton<SiteContext>();
        services.AddSingleton<ArticleMarkdown>();
        services.AddScoped<ReadAlsoBlocks>();
        services.AddScoped<ArticleEditor>();
        services.AddScoped<Tags.TagSuggestions>();
        services.AddSingleton<Tags.PublishedWordCounts>();
        services.AddScoped<DemoContent>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<Import.SiteExport>();
        services.AddScoped<Import.SiteRestore>();
        services.AddScoped<Import.WordPress.WordPressImporter>();
        services.AddScoped<Import.WordPress.WordPressPeople>();
        services.AddScoped<Import.WordPress.WordPressMedia>();
        services.AddScoped<Import.WordPress.WordPressPosts>();
        services.AddHttpClient(Import.WordPress.WordPressMedia.ClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(60);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Gazette-WordPress-import");
        }).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            // Every connection, redirects included, goes through the same guard as webhooks.
            ConnectCallback = Webhooks.AddressGuard.ConnectAsync,
            UseProxy = false,
            MaxAutomaticRedirections = 5,
        });
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledPublisher>());
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<ArticleSearch>();
        services.AddScoped<SiteSearch>();
        services.AddHostedService<IndexFollower>();
        services.AddMemoryCache();
        services.AddScoped<Related.RelatedArticles>();
        services.AddScoped<Translations.ArticleTranslations>();
        services.AddScoped<Admin.Articles.TranslationsPanels>();
        // Only ever called when an administrator has set an endpoint; the translator also bounds each request itself.
        services.AddSingleton<Translations.MachineTranslationKey>();
        services.AddHttpClient<Translations.MachineTranslator>(client => client.Timeout = Translations.MachineTranslator.Timeout + TimeSpan.FromSeconds(5));
        return options;
    }

    /// <summary>
    /// The core services configured as the server would be (appsettings.json, environment, <c>--Key value</c>
    /// arguments), without starting anything: for verbs that read or write the data folder and the database.
    /// </summary>
    public static IHost BuildForCommandLine(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGazetteCore(builder.Configuration);
        return builder.Build();
    }
}
