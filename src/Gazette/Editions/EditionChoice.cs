using System.Text.RegularExpressions;

using Gazette.Caching;
using Gazette.Site;

using Microsoft.Net.Http.Headers;

namespace Gazette.Editions;

/// <summary>
/// Which edition a reader lands in at <c>/</c>. On a first visit (no edition cookie) a browser whose
/// <c>Accept-Language</c> prefers another edition's language is sent there with a 302; the cookie then records the
/// choice, so <c>/</c> shows the root edition on every later visit and nothing can loop. Choosing an edition in the
/// switcher (<c>/edition/{lang}</c>) sets the same cookie. Crawlers and requests without <c>Accept-Language</c> are
/// never redirected (and get no cookie): they index every edition at its own address.
/// </summary>
public static partial class EditionChoice
{
    public const string CookieName = "gazette-edition";

    /// <summary>What a shared cache in front of <c>/</c> must key on, since the answer depends on both.</summary>
    public const string Vary = "Accept-Language, Cookie";

    public static IEndpointRouteBuilder MapEditionChoice(this IEndpointRouteBuilder app)
    {
        app.MapGet(Addresses.Templates.EditionChoice, async (string lang, HttpContext context, SiteContext site, CancellationToken cancellationToken) =>
        {
            var edition = Edition.Find(await site.GetAsync(cancellationToken), lang);
            if (edition is not { Scoped: true })
                return Results.NotFound();
            Remember(context, edition.Language);
            context.Response.Headers.CacheControl = PageLifetimes.NoStore;
            return Results.Redirect(edition.Addresses.Home);
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>The first-visit redirect at <c>/</c>. Runs before any output cache, so a cached page never decides it.</summary>
    public static IApplicationBuilder UseEditionChoice(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Path.Value != "/" || request.QueryString.HasValue)
        {
            await next(context);
            return;
        }
        var site = await context.RequestServices.GetRequiredService<SiteContext>().GetAsync(context.RequestAborted);
        var languages = Edition.LanguagesOf(site.Settings);
        if (languages.Count < 2)
        {
            await next(context);
            return;
        }
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Append(HeaderNames.Vary, Vary);
            return Task.CompletedTask;
        });
        if (request.Cookies.ContainsKey(CookieName) || IsCrawler(request.Headers.UserAgent.ToString())
            || request.Headers.AcceptLanguage.ToString().Trim().Length == 0)
        {
            await next(context);
            return;
        }
        var chosen = Preferred(request.GetTypedHeaders().AcceptLanguage, languages) ?? languages[0];
        Remember(context, chosen);
        if (Edition.Find(site, chosen) is { IsDefault: false } edition)
        {
            context.Response.Headers.CacheControl = PageLifetimes.PrivateNoStore;
            context.Response.Redirect(edition.Addresses.Home);
            return;
        }
        await next(context);
    });

    /// <summary>The edition the reader's languages ask for first: an exact tag, else the same language (fr-BE finds fr).</summary>
    public static string? Preferred(IList<StringWithQualityHeaderValue> acceptLanguage, IReadOnlyList<string> editions)
    {
        var wanted = acceptLanguage
            .Select((value, index) => (Tag: value.Value.Value ?? "", Quality: value.Quality ?? 1, index))
            .Where(l => l.Quality > 0 && l.Tag is not ("" or "*"))
            .OrderByDescending(l => l.Quality).ThenBy(l => l.index);
        foreach (var (tag, _, _) in wanted)
        {
            var exact = editions.FirstOrDefault(e => string.Equals(e, tag, StringComparison.OrdinalIgnoreCase));
            if (exact is not null)
                return exact;
            var primary = tag.Split('-')[0];
            var sameLanguage = editions.FirstOrDefault(e => string.Equals(e.Split('-')[0], primary, StringComparison.OrdinalIgnoreCase));
            if (sameLanguage is not null)
                return sameLanguage;
        }
        return null;
    }

    public static bool IsCrawler(string userAgent) => userAgent.Length > 0 && CrawlerPattern().IsMatch(userAgent);

    private static void Remember(HttpContext context, string language) =>
        context.Response.Cookies.Append(CookieName, language.ToLowerInvariant(), new CookieOptions
        {
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
            // A reader's own choice of language, not tracking: it works without consent.
            IsEssential = true,
        });

    // Googlebot, bingbot, DuckDuckBot, YandexBot, Applebot, Baiduspider, Yahoo! Slurp, link previewers…
    [GeneratedRegex(@"bot\b|bot/|bot;|crawl|spider|slurp|facebookexternalhit|mediapartners|preview|lighthouse", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrawlerPattern();
}
