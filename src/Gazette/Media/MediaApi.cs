using Gazette.Accounts;
using Gazette.Data;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Media;

/// <summary>The library as JSON for the story editor's figure picker.</summary>
public static class MediaApi
{
    public const int MaxResults = 40;

    public sealed record MediaChoice(int Id, string Url, string Alt, string? Caption, string? Credit, int Width, int Height);

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/api/media", async (string? q, GazetteDb db, CancellationToken cancellationToken) =>
        {
            var items = await MediaSearch.Matching(db.MediaItems.AsNoTracking(), q)
                .OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
                .Take(MaxResults)
                .ToListAsync(cancellationToken);
            return items.Select(m =>
            {
                var (width, height) = MediaFiles.DefaultSize(m);
                return new MediaChoice(m.Id, MediaFiles.DefaultUrl(m), m.AltText, m.Caption, m.Credit, width, height);
            });
        }).RequireAuthorization(Policies.Newsroom);
        return endpoints;
    }
}
