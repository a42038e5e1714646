using System.Globalization;

using Gazette.Articles;
using Gazette.Data;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Site;

/// <summary>
/// Old addresses of a story answer 301 to its address: paths it had before its slug or date changed, and those it had
/// on the site Gazette replaced (WordPress permalinks, <c>/?p=123</c>). Looked up only when nothing else answered,
/// so it costs nothing on the pages that exist.
/// </summary>
public static class LegacyRedirects
{
    private static readonly string[] IdParameters = ["p", "page_id"];

    public static string QueryPath(string parameter, long id) => $"/?{parameter}={id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>One spelling per address: decoded, lower-case, without the trailing slash WordPress adds.</summary>
    public static string Normalize(string path)
    {
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        return trimmed.Length == 0 ? "/" : trimmed.ToLowerInvariant();
    }

    public static IApplicationBuilder UseLegacyRedirects(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var isRead = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        // "/?p=123" is the home page to the router, so WordPress's short links are looked up before it answers.
        if (isRead && request.Path == "/" && IdParameters.Any(request.Query.ContainsKey)
            && await TryRedirectAsync(context, QueryCandidates(request)))
            return;
        await next(context);
        if (isRead && context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted
            && Normalize(request.Path.Value ?? "/") is var path && path != "/" && path.Length <= 400)
            await TryRedirectAsync(context, [path]);
    });

    private static List<string> QueryCandidates(HttpRequest request)
    {
        var candidates = new List<string>(2);
        foreach (var parameter in IdParameters)
        {
            if (request.Query.TryGetValue(parameter, out var value) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                candidates.Add(QueryPath(parameter, id));
        }
        return candidates;
    }

    private static async Task<bool> TryRedirectAsync(HttpContext context, List<string> candidates)
    {
        if (candidates.Count == 0)
            return false;
        var db = context.RequestServices.GetRequiredService<GazetteDb>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var target = await db.ArticleRedirects.AsNoTracking()
            .Where(r => candidates.Contains(r.Path))
            .Join(db.Articles.WherePublic(now), r => r.ArticleId, a => a.Id, (r, a) => new { a.Language, a.Slug, a.PublishedAt, a.CreatedAt })
            .FirstOrDefaultAsync(context.RequestAborted);
        if (target is null)
            return false;
        var timeZone = (await context.RequestServices.GetRequiredService<SiteContext>().GetAsync(context.RequestAborted)).TimeZone;
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = Addresses.Story(target.Language, target.Slug, target.PublishedAt ?? target.CreatedAt, timeZone);
        return true;
    }
}
