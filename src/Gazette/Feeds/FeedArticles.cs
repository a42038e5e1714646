using Gazette.Articles;
using Gazette.Data;
using Gazette.Media;
using Gazette.Site;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Feeds;

/// <summary>What a feed is about: the whole site, or one section, tag, author or language.</summary>
public sealed record FeedScope(string Kind, string? Key, string Title, string PagePath, string FeedPath, string? Language);

/// <summary>A story as feeds carry it.</summary>
public sealed record FeedArticle(
    int Id, string Headline, string? SecondHeadline, string Standfirst, string BodyHtml, string Language, string Slug,
    DateTime PublishedAt, DateTime UpdatedAt, string? SectionName, IReadOnlyList<string> Tags,
    IReadOnlyList<(string Name, string Slug)> Authors, Figure? Figure)
{
    public string DisplayHeadline => string.IsNullOrWhiteSpace(SecondHeadline) ? Headline : $"{Headline} • {SecondHeadline}";
}

/// <summary>Finds the scope a feed URL names, and its newest public stories.</summary>
public static class FeedArticles
{
    public const int ItemCount = 50;

    /// <summary>The scope for a feed URL's parts, or null when the section, tag or author does not exist.</summary>
    public static async Task<FeedScope?> FindScopeAsync(GazetteDb db, string siteTitle, string kind, string? key, CancellationToken cancellationToken,
        Editions.Edition? edition = null)
    {
        // On a site with several editions the site, section, tag and author feeds keep to one edition's language.
        if (edition is { Scoped: true } && kind is "site" or "section" or "tag" or "author")
            return await Editions.EditionFeeds.FindScopeAsync(db, siteTitle, kind, key, edition, cancellationToken);
        switch (kind)
        {
            case "site":
                return new FeedScope(kind, null, siteTitle, Addresses.Root.Home, Addresses.Root.SiteFeed, null);
            case "section":
                var section = await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == key, cancellationToken);
                return section is null ? null : new FeedScope(kind, section.Slug, $"{section.Name} – {siteTitle}", Addresses.Root.Section(section.Slug), Addresses.FeedUnder(Addresses.Root.Section(section.Slug)), null);
            case "tag":
                var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == key, cancellationToken);
                return tag is null ? null : new FeedScope(kind, tag.Slug, $"{tag.Hashtag} – {siteTitle}", Addresses.Root.Tag(tag.Slug), Addresses.FeedUnder(Addresses.Root.Tag(tag.Slug)), null);
            case "author":
                var author = await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == key, cancellationToken);
                return author is null ? null : new FeedScope(kind, author.Slug, $"{author.Name} – {siteTitle}", Addresses.Root.Author(author.Slug), Addresses.FeedUnder(Addresses.Root.Author(author.Slug)), null);
            case "language":
                var language = key!.ToLowerInvariant();
                var known = await db.Articles.AnyAsync(a => a.Language.ToLower() == language, cancellationToken);
                // An edition's language feed is that edition's: its page is the edition's home (/pt-br/), not the root.
                var home = edition is not null && string.Equals(edition.Language, language, StringComparison.OrdinalIgnoreCase) ? edition.Addresses.Home : Addresses.Root.Home;
                return known ? new FeedScope(kind, language, $"{siteTitle} ({language})", home, Addresses.LanguageFeed(language), language) : null;
            default:
                return null;
        }
    }

    public static async Task<IReadOnlyList<FeedArticle>> NewestAsync(GazetteDb db, FeedScope scope, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var articles = db.Articles.AsNoTracking().WherePublic(nowUtc);
        articles = scope.Kind switch
        {
            "section" => articles.Where(a => a.Section!.Slug == scope.Key),
            "tag" => articles.Where(a => a.Tags.Any(t => t.Slug == scope.Key)),
            "author" => articles.Where(a => a.Authors.Any(byline => byline.Author.Slug == scope.Key)),
            "language" => articles.Where(a => a.Language.ToLower() == scope.Key),
            _ => articles,
        };
        if (scope.Kind != "language" && scope.Language is { } editionLanguage)
            articles = articles.Where(a => a.Language == editionLanguage);
        var rows = await articles
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(ItemCount)
            .Select(a => new
            {
                a.Id,
                a.Headline,
                a.SecondHeadline,
                a.Standfirst,
                a.BodyHtml,
                a.Language,
                a.Slug,
                PublishedAt = a.PublishedAt!.Value,
                a.UpdatedAt,
                SectionName = a.Section != null ? a.Section.Name : null,
                Tags = a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                Authors = a.Authors.OrderBy(byline => byline.Position).Select(byline => new { byline.Author.Name, byline.Author.Slug }).ToList(),
                a.FeaturedFigure,
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows.Select(r => new FeedArticle(r.Id, r.Headline, r.SecondHeadline, r.Standfirst, r.BodyHtml, r.Language, r.Slug,
            r.PublishedAt, r.UpdatedAt, r.SectionName, r.Tags, r.Authors.Select(a => (a.Name, a.Slug)).ToList(), r.FeaturedFigure)).ToList();
    }
}
