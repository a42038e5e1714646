using System.Text.Encodings.Web;
using System.Text.Unicode;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Articles.Markdown;
using Gazette.Data;
using Gazette.Demo;
using Gazette.Media;
using Gazette.Site;

using Microsoft.Extensions.WebEncoders;

namespace Gazette;

/// <summary>
/// The composition root's service registrations, shared by the web server and the command-line verbs that need the
/// database (<c>users create-admin</c>): both see the same configuration, database provider and Identity options.
/// </summary>
public static class GazetteServices
{
    public static GazetteOptions Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(GazetteOptions.SectionName).Get<GazetteOptions>() ?? new GazetteOptions();
        services.Configure<GazetteOptions>(builder.Configuration.GetSection(GazetteOptions.SectionName));
        services.AddSingleton(TimeProvider.System);
        services.AddGazetteData(builder.Configuration, options);
        services.AddGazetteAccounts();
        services.AddScoped<NewsroomAccounts>();
        services.AddSignInRateLimit(options);
        services.AddSingleton<SiteContext>();
        services.AddSingleton<ArticleMarkdown>();
        services.AddScoped<ReadAlsoBlocks>();
        services.AddScoped<ArticleEditor>();
        services.AddScoped<DemoContent>();
        services.AddScoped<MediaLibrary>();
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledPublisher>());
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/";
            // Every newsroom page needs a newsroom role unless it says otherwise; pages narrow it further with [Authorize(Policy = …)].
            pages.Conventions.AuthorizeFolder("/Admin", Policies.Newsroom);
            // Named one by one rather than the whole Account folder: "my account" pages live there too and need a signed-in user.
            foreach (var page in AccountsRegistration.AnonymousPages)
                pages.Conventions.AllowAnonymousToPage(page);
        });
        // Write accents and non-Latin scripts as themselves, not as &#xE9; entities: pages in every language stay small and readable.
        services.Configure<WebEncoderOptions>(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return options;
    }
}
