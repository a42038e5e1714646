using Gazette.Accounts;
using Gazette.Data;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Articles;

/// <summary><c>GET /admin/api/stories?q=</c>: stories whose headline contains the words, for the editor's read-also picker.</summary>
public static class ArticleLookupEndpoint
{
    public const string Path = "/admin/api/stories";

    public sealed record Match(int Id, string Headline, string Language, string Status);

    public static IEndpointRouteBuilder MapArticleLookup(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (string? q, GazetteDb db, CancellationToken cancellationToken) =>
            {
                var words = (q ?? "").Trim().ToLower();
                if (words.Length is 0 or > 200)
                    return Results.Ok(Array.Empty<Match>());
                var matches = await db.Articles.AsNoTracking()
                    .Where(a => a.Headline.ToLower().Contains(words))
                    .OrderByDescending(a => a.PublishedAt ?? a.UpdatedAt)
                    .Take(10)
                    .Select(a => new { a.Id, a.Headline, a.Language, a.Status })
                    .ToListAsync(cancellationToken);
                return Results.Ok(matches.Select(m => new Match(m.Id, m.Headline, m.Language, m.Status.ToString())));
            })
            .RequireAuthorization(Policies.Newsroom)
            .ExcludeFromDescription();
        return app;
    }
}
