using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using Gazette.Articles;
using Gazette.Caching;
using Gazette.Data;
using Gazette.Feeds;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Api;

/// <summary>
/// The read-only content API under <c>/api/v1</c>: public stories, sections, tags and authors as JSON, with filters,
/// cursor pagination, field selection, ETags and CORS for GET. Bad input is a 400 problem details, never a 500.
/// </summary>
public static class ContentApi
{
    public const string CorsPolicy = "PublicApi";
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly string[] ArticleFields =
    [
        "id", "headline", "secondHeadline", "standfirst", "bodyHtml", "language", "slug", "url", "publishedAt", "updatedAt",
        "section", "tags", "authors", "image", "translationGroup",
    ];

    public static IServiceCollection AddContentApi(this IServiceCollection services)
    {
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy.AllowAnyOrigin().WithMethods("GET").WithExposedHeaders("ETag")));
        return services;
    }

    public static RouteGroupBuilder MapContentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireCors(CorsPolicy).WithTags("Content");
        api.MapGet("/stories", ListArticlesAsync)
            .WithSummary("Public stories, oldest update first")
            .WithDescription("Filters: section, tag and author (slugs), language (BCP 47), updated_since (ISO 8601). Pages with cursor and limit (1 to 100, default 20); fields selects the story fields returned, comma-separated.")
            .Produces<ApiPage<ApiArticle>>().ProducesProblem(StatusCodes.Status400BadRequest).Produces(StatusCodes.Status304NotModified);
        api.MapGet("/stories/{id:int}", GetArticleAsync)
            .WithSummary("One public story")
            .Produces<ApiArticle>().ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status304NotModified);
        api.MapGet("/sections", ListSectionsAsync).WithSummary("Every section, in navigation order").Produces<ApiPage<ApiSection>>();
        api.MapGet("/tags", ListTagsAsync).WithSummary("Tags by id, paged with cursor and limit").Produces<ApiPage<ApiTag>>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/authors", ListAuthorsAsync).WithSummary("Authors by id, paged with cursor and limit").Produces<ApiPage<ApiAuthor>>().ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<IResult> ListArticlesAsync(HttpContext context, GazetteDb db, SiteContext site, TimeProvider clock,
        [FromQuery] string? section, [FromQuery] string? tag, [FromQuery] string? author, [FromQuery] string? language,
        [FromQuery(Name = "updated_since")] string? updatedSince, [FromQuery] string? cursor, [FromQuery] string? limit, [FromQuery] string? fields,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ParseLimit(limit, errors);
        var selected = ParseFields(fields, errors);
        ApiCursor after = default;
        if (cursor is not null && !ApiCursor.TryParse(cursor, out after))
            errors["cursor"] = ["The cursor is not one this API gave out; start again without it."];
        DateTime? since = null;
        if (updatedSince is not null)
        {
            if (DateTimeOffset.TryParse(updatedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                since = parsed.UtcDateTime;
            else
                errors["updated_since"] = ["Give an ISO 8601 date and time, such as 2026-01-31T08:00:00Z."];
        }
        if (language is { Length: > 35 })
            errors["language"] = ["A language tag has at most 35 characters."];
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);

        var snapshot = await site.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var stories = db.Articles.AsNoTracking().WherePublic(now);
        if (section is not null)
            stories = stories.Where(a => a.Section!.Slug == section);
        if (tag is not null)
            stories = stories.Where(a => a.Tags.Any(t => t.Slug == tag));
        if (author is not null)
            stories = stories.Where(a => a.Authors.Any(byline => byline.Author.Slug == author));
        if (language is not null)
            stories = stories.Where(a => a.Language.ToLower() == language.ToLower());
        if (since is { } from)
            stories = stories.Where(a => a.UpdatedAt >= from);
        if (cursor is not null)
        {
            var afterTime = new DateTime(after.Ticks, DateTimeKind.Utc);
            stories = stories.Where(a => a.UpdatedAt > afterTime || (a.UpdatedAt == afterTime && a.Id > after.Id));
        }
        var page = await Load(stories.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id).Take(pageSize + 1)).ToListAsync(cancellationToken);
        var items = page.Take(pageSize).Select(a => ToApi(a, snapshot, context.Request)).ToList();
        var next = page.Count > pageSize ? new ApiCursor(items[^1].UpdatedAt.Ticks, items[^1].Id).ToString() : null;
        var body = new JsonObject
        {
            ["items"] = new JsonArray(items.Select(item => (JsonNode)Select(item, selected)).ToArray()),
            ["nextCursor"] = next,
        };
        return Respond(context, body, items.Count > 0 ? items.Max(i => i.UpdatedAt) : null);
    }

    private static async Task<IResult> GetArticleAsync(int id, HttpContext context, GazetteDb db, SiteContext site, TimeProvider clock,
        [FromQuery] string? fields, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var selected = ParseFields(fields, errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);
        var snapshot = await site.GetAsync(cancellationToken);
        var story = await Load(db.Articles.AsNoTracking().WherePublic(clock.GetUtcNow().UtcDateTime).Where(a => a.Id == id))
            .FirstOrDefaultAsync(cancellationToken);
        if (story is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No public story has this id.");
        var item = ToApi(story, snapshot, context.Request);
        return Respond(context, Select(item, selected), item.UpdatedAt);
    }

    private static async Task<IResult> ListSectionsAsync(HttpContext context, GazetteDb db, SiteContext site, CancellationToken cancellationToken)
    {
        var settings = (await site.GetAsync(cancellationToken)).Settings;
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var page = new ApiPage<ApiSection>(sections.Select(s => new ApiSection(s.Id, s.Slug, s.Name,
            Addresses.Absolute(settings, context.Request, Addresses.Root.Section(s.Slug)))).ToList(), null);
        return Respond(context, JsonSerializer.SerializeToNode(page, Json)!, null);
    }

    private static Task<IResult> ListTagsAsync(HttpContext context, GazetteDb db, SiteContext site, [FromQuery] string? cursor,
        [FromQuery] string? limit, CancellationToken cancellationToken) =>
        ListByIdAsync(context, site, cursor, limit, afterId => db.Tags.AsNoTracking().Where(t => t.Id > afterId).OrderBy(t => t.Id), t => t.Id,
            (t, settings) => new ApiTag(t.Id, t.Slug, t.Name, Addresses.Absolute(settings, context.Request, Addresses.Root.Tag(t.Slug))),
            cancellationToken);

    private static Task<IResult> ListAuthorsAsync(HttpContext context, GazetteDb db, SiteContext site, [FromQuery] string? cursor,
        [FromQuery] string? limit, CancellationToken cancellationToken) =>
        ListByIdAsync(context, site, cursor, limit, afterId => db.Authors.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id), a => a.Id,
            (a, settings) => new ApiAuthor(a.Id, a.Slug, a.Name, a.Bio,
                a.PhotoUrl is null ? null : Addresses.Absolute(settings, context.Request, a.PhotoUrl),
                Addresses.Absolute(settings, context.Request, Addresses.Root.Author(a.Slug))),
            cancellationToken);

    /// <summary>
    /// A list paged by id (tags, authors): <c>limit</c> rows of <paramref name="after"/> the cursor's id, in id order,
    /// and a cursor for the next page when there is one.
    /// </summary>
    private static async Task<IResult> ListByIdAsync<TRow, TItem>(HttpContext context, SiteContext site, string? cursor, string? limit,
        Func<int, IQueryable<TRow>> after, Func<TRow, int> idOf, Func<TRow, SiteSettings, TItem> show, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ParseLimit(limit, errors);
        var afterId = ParseIdCursor(cursor, errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);
        var settings = (await site.GetAsync(cancellationToken)).Settings;
        var found = await after(afterId).Take(pageSize + 1).ToListAsync(cancellationToken);
        var items = found.Take(pageSize).Select(row => show(row, settings)).ToList();
        var next = found.Count > pageSize ? new ApiCursor(0, idOf(found[pageSize - 1])).ToString() : null;
        var page = new ApiPage<TItem>(items, next);
        return Respond(context, JsonSerializer.SerializeToNode(page, Json)!, null);
    }

    private static IQueryable<Article> Load(IQueryable<Article> stories) =>
        stories.Include(a => a.Section)
            .Include(a => a.Tags.OrderBy(t => t.Name))
            .Include(a => a.Authors.OrderBy(byline => byline.Position)).ThenInclude(byline => byline.Author)
            .AsSplitQuery();

    internal static ApiArticle ToApi(Article a, SiteContext.Snapshot site, HttpRequest request)
    {
        string Absolute(string path) => Addresses.Absolute(site.Settings, request, path);
        return new ApiArticle(a.Id, a.Headline, a.SecondHeadline, a.Standfirst, FeedWriter.AbsoluteUrls(a.BodyHtml, Absolute), a.Language, a.Slug,
            Absolute(Addresses.Story(a, site.TimeZone)), a.PublishedAt ?? a.CreatedAt, a.UpdatedAt,
            a.Section is { } s ? new ApiRef(s.Slug, s.Name) : null,
            a.Tags.Select(t => new ApiRef(t.Slug, t.Name)).ToList(),
            a.Authors.Select(byline => new ApiAuthorRef(byline.Author.Slug, byline.Author.Name,
                Absolute(Addresses.Byline(site, a.Language, byline.Author.Slug)))).ToList(),
            a.FeaturedFigure is { } f ? new ApiImage(Absolute(f.ImageUrl), f.AltText, f.Caption, f.Credit, f.Width, f.Height) : null,
            a.TranslationGroup);
    }

    private static JsonObject Select(ApiArticle story, HashSet<string>? fields)
    {
        var node = JsonSerializer.SerializeToNode(story, Json)!.AsObject();
        if (fields is not null)
        {
            foreach (var name in node.Select(p => p.Key).ToList())
            {
                if (!fields.Contains(name))
                    node.Remove(name);
            }
        }
        return node;
    }

    private static IResult Respond(HttpContext context, JsonNode body, DateTime? lastModified) =>
        ConditionalGet.Respond(context, JsonSerializer.SerializeToUtf8Bytes(body, Json), "application/json; charset=utf-8", lastModified, PageLifetimes.Listings);

    private static int ParseLimit(string? limit, Dictionary<string, string[]> errors)
    {
        if (limit is null)
            return DefaultLimit;
        if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxLimit)
            return value;
        errors["limit"] = [$"The limit is a whole number from 1 to {MaxLimit}."];
        return DefaultLimit;
    }

    private static int ParseIdCursor(string? cursor, Dictionary<string, string[]> errors)
    {
        if (cursor is null)
            return 0;
        if (ApiCursor.TryParse(cursor, out var parsed))
            return parsed.Id;
        errors["cursor"] = ["The cursor is not one this API gave out; start again without it."];
        return 0;
    }

    /// <summary>The story fields asked for (null: all of them); an unknown name is an error rather than silently ignored.</summary>
    private static HashSet<string>? ParseFields(string? fields, Dictionary<string, string[]> errors)
    {
        if (fields is null)
            return null;
        var names = fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => !ArticleFields.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0 || names.Length == 0)
        {
            errors["fields"] = [$"Unknown field(s): {string.Join(", ", unknown.Take(5))}. Known fields: {string.Join(", ", ArticleFields)}."];
            return null;
        }
        return names.Select(n => ArticleFields.First(f => f.Equals(n, StringComparison.OrdinalIgnoreCase))).ToHashSet();
    }
}
