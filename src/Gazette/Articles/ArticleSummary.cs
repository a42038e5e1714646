using Gazette.Data;
using Gazette.Site;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Articles;

/// <summary>A story as lists show it: no body, just what a card needs.</summary>
public sealed record ArticleSummary(
    int Id,
    string Headline,
    string? SecondHeadline,
    string Standfirst,
    string Language,
    string Slug,
    DateTime PublishedAt,
    string? SectionName,
    string? SectionSlug,
    string? ImageUrl,
    string? ImageAlt,
    IReadOnlyList<string> AuthorNames)
{
    public string DisplayHeadline => string.IsNullOrWhiteSpace(SecondHeadline) ? Headline : $"{Headline} • {SecondHeadline}";

    public string PathIn(TimeZoneInfo siteTimeZone) => Addresses.Story(Language, Slug, PublishedAt, siteTimeZone);
}

/// <summary>One page of a list of stories, newest first.</summary>
public sealed record ArticleListPage(IReadOnlyList<ArticleSummary> Stories, int PageNumber, int PageCount, int TotalCount)
{
    public bool HasPrevious => PageNumber > 1;
    public bool HasNext => PageNumber < PageCount;
}

public static class ArticleLists
{
    public const int PageSize = 12;

    /// <summary>
    /// The cards of the stories <paramref name="articles"/> selects, in its order, with their bylines. Two plain
    /// commands (the cards, then the bylines of those cards) rather than one with the bylines joined in: the joined form
    /// makes SQLite build the whole byline table for every list, which was most of a list page's time at 10,000 stories.
    /// </summary>
    public static async Task<List<ArticleSummary>> ToSummariesAsync(this IQueryable<Article> articles, GazetteDb db,
        CancellationToken cancellationToken)
    {
        var cards = await articles.Select(a => new
        {
            a.Id,
            a.Headline,
            a.SecondHeadline,
            a.Standfirst,
            a.Language,
            a.Slug,
            PublishedAt = a.PublishedAt!.Value,
            SectionName = a.Section != null ? a.Section.Name : null,
            SectionSlug = a.Section != null ? a.Section.Slug : null,
            ImageUrl = a.FeaturedFigure != null ? a.FeaturedFigure.ImageUrl : null,
            ImageAlt = a.FeaturedFigure != null ? a.FeaturedFigure.AltText : null,
        }).ToListAsync(cancellationToken);
        if (cards.Count == 0)
            return [];
        var ids = cards.Select(card => card.Id).Distinct().ToList();
        var bylines = (await db.Set<ArticleAuthor>().AsNoTracking()
                .Where(byline => ids.Contains(byline.ArticleId))
                .OrderBy(byline => byline.ArticleId).ThenBy(byline => byline.Position)
                .Select(byline => new { byline.ArticleId, byline.Author.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(byline => byline.ArticleId, byline => byline.Name);
        return cards.Select(card => new ArticleSummary(card.Id, card.Headline, card.SecondHeadline, card.Standfirst, card.Language,
            card.Slug, card.PublishedAt, card.SectionName, card.SectionSlug, card.ImageUrl, card.ImageAlt,
            bylines[card.Id].ToList())).ToList();
    }

    /// <summary>The newest public stories matching <paramref name="articles"/>, one page of them; null when the page is past the end.</summary>
    public static async Task<ArticleListPage?> NewestPageAsync(this IQueryable<Article> articles, GazetteDb db, DateTime nowUtc,
        int pageNumber, CancellationToken cancellationToken, int pageSize = PageSize)
    {
        var visible = articles.AsNoTracking().WherePublic(nowUtc);
        var total = await visible.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        if (pageNumber > pageCount)
            return null;
        var stories = await visible
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .ToSummariesAsync(db, cancellationToken);
        return new ArticleListPage(stories, pageNumber, pageCount, total);
    }
}

/// <summary>What the story-list partial needs: the stories, and the page's zone and language for their dates.</summary>
public sealed record ArticleListView(IReadOnlyList<ArticleSummary> Stories, TimeZoneInfo Zone, Gazette.Localization.Labels Labels, bool Lead = false, int HeadingLevel = 2);

/// <summary>What the pagination partial needs: the page, and the list's own path that <c>?page=</c> is added to.</summary>
public sealed record PaginationView(ArticleListPage Page, string Path, Gazette.Localization.Labels Labels)
{
    public string LinkTo(int pageNumber) => WithPage(Path, pageNumber);

    /// <summary>The list's path for a page number: page 1 is the bare path, so each list has one canonical first page.</summary>
    public static string WithPage(string path, int pageNumber) =>
        pageNumber <= 1 ? path : $"{path}{(path.Contains('?') ? '&' : '?')}page={pageNumber}";
}
