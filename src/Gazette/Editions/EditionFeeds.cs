using Gazette.Data;
using Gazette.Feeds;
using Gazette.Names;
using Gazette.Site;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Editions;

/// <summary>The site, section, tag and author feeds of one edition: its language's stories, under its names and addresses.</summary>
public static class EditionFeeds
{
    public static async Task<FeedScope?> FindScopeAsync(GazetteDb db, string siteTitle, string kind, string? key, Edition edition,
        CancellationToken cancellationToken)
    {
        var language = edition.Language;
        switch (kind)
        {
            case "site":
                return new FeedScope(kind, null, edition.IsDefault ? siteTitle : $"{siteTitle} ({language})", edition.Addresses.Home, edition.Addresses.SiteFeed, language);
            case "section":
                var sectionName = edition.IsDefault ? null
                    : await db.SectionTranslations.AsNoTracking().FirstOrDefaultAsync(n => n.Language == language && n.Slug == key, cancellationToken);
                var section = sectionName is null
                    ? await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == key, cancellationToken)
                    : await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sectionName.SectionId, cancellationToken);
                if (section is null)
                    return null;
                var sectionPath = edition.Addresses.Section(section);
                return new FeedScope(kind, section.Slug, $"{edition.SectionName(section)} – {siteTitle}", sectionPath, Addresses.FeedUnder(sectionPath), language);
            case "tag":
                var tagName = await db.TagTranslations.AsNoTracking().FirstOrDefaultAsync(n => n.Language == language && n.Slug == key, cancellationToken);
                var tag = tagName is null
                    ? await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == key, cancellationToken)
                    : await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tagName.TagId, cancellationToken);
                if (tag is null)
                    return null;
                var named = LocalizedTags.In(tag, tagName is null ? [] : [tagName], language);
                var tagPath = edition.Addresses.Tag(named.Slug);
                return new FeedScope(kind, tag.Slug, $"{named.Hashtag} – {siteTitle}", tagPath, Addresses.FeedUnder(tagPath), language);
            case "author":
                var author = await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == key, cancellationToken);
                if (author is null)
                    return null;
                var authorPath = edition.Addresses.Author(author.Slug);
                return new FeedScope(kind, author.Slug, $"{author.Name} – {siteTitle}", authorPath, Addresses.FeedUnder(authorPath), language);
            default:
                return null;
        }
    }
}
