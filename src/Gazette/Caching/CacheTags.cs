using Gazette.Articles;
using Gazette.Data;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Caching;

/// <summary>
/// The names cached responses are tagged with, and which of them a batch of change-feed rows makes stale. A page
/// is tagged with what it shows: a story page with its story, comments, tags and authors; a list with each story
/// it lists and the list it is (so a story newly in it shows). Section names are in every page's navigation, and
/// site settings in every page's head: a change to either evicts everything. The same names are the
/// <c>Surrogate-Key</c> header a CDN purges by.
/// </summary>
public static class CacheTags
{
    /// <summary>The home page, archives, search, feeds, sitemaps, oEmbed and the content API: whatever lists stories across sections.</summary>
    public const string Lists = "lists";

    /// <summary>Search results: evicted when the search index has taken in a change, not when the database has.</summary>
    public const string SearchResults = "search";

    /// <summary>Above this many stories an author's rename evicts everything rather than each of their stories.</summary>
    private const int MaxArticlesPerAuthorEviction = 1000;

    public static string Story(int id) => $"story:{id}";

    /// <summary>
    /// A story's own page, whose "read also" list the search index chose: evicted when a story like it is re-indexed
    /// and may now belong in that list. Not <see cref="Story"/>, which lists showing the story carry too.
    /// </summary>
    public static string RelatedListOf(int storyId) => $"related-of:{storyId}";
    public static string Comments(int storyId) => $"comments:{storyId}";
    public static string SectionList(int id) => $"section-list:{id}";
    public static string Tag(int id) => $"tag:{id}";
    public static string TagList(int id) => $"tag-list:{id}";
    public static string Author(int id) => $"author:{id}";
    public static string AuthorList(int id) => $"author-list:{id}";

    /// <summary>Every page of a translation group: each links the others (switcher, hreflang), so a member going out or back changes them all.</summary>
    public static string Translations(Guid group) => $"translations:{group:N}";

    /// <summary>What a story page shows besides the navigation: the story, its comments, tags, authors, translations and related stories.</summary>
    public static IEnumerable<string> ForArticlePage(Article article, IEnumerable<int> relatedIds) =>
        [
            Story(article.Id),
            RelatedListOf(article.Id),
            .. article.TranslationGroup is { } group ? [Translations(group)] : Array.Empty<string>(),
            Comments(article.Id),
            .. article.Tags.Select(t => Tag(t.Id)),
            .. article.Authors.Select(a => Author(a.AuthorId)),
            .. relatedIds.Select(Story),
        ];

    /// <summary>Section names are in every page's navigation, the site settings in every page's head.</summary>
    public static bool ChangesEveryPage(IEnumerable<ChangeEvent> changes) =>
        changes.Any(c => c.EntityType is nameof(Sections.Section) or nameof(Site.SiteSettings));

    /// <summary>The tags made stale by <paramref name="changes"/>, reading from the database what a story now belongs to.</summary>
    public static async Task<IReadOnlySet<string>> StaleAfterAsync(GazetteDb db, IReadOnlyCollection<ChangeEvent> changes, CancellationToken cancellationToken)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        if (ChangesEveryPage(changes))
            return new HashSet<string> { GazetteCachePolicy.AllTag };

        var storyIds = changes.Where(c => c.EntityType == nameof(Article)).Select(c => c.EntityId).Distinct().ToList();
        if (storyIds.Count > 0)
        {
            tags.Add(Lists);
            tags.UnionWith(storyIds.Select(Story));
            // Where the stories are now, so they show in lists they just joined; lists they left showed them, and carry their story tag.
            // One query on purpose: a save changes a handful of stories with a few tags and bylines each, so the joined
            // rows stay few, and splitting would add two round trips to every save's eviction.
            var memberships = await db.Articles.IgnoreQueryFilters().AsNoTracking().AsSingleQuery()
                .Where(a => storyIds.Contains(a.Id))
                .Select(a => new { a.SectionId, a.TranslationGroup, Tags = a.Tags.Select(t => t.Id).ToList(), Authors = a.Authors.Select(x => x.AuthorId).ToList() })
                .ToListAsync(cancellationToken);
            foreach (var story in memberships)
            {
                if (story.SectionId is { } sectionId)
                    tags.Add(SectionList(sectionId));
                if (story.TranslationGroup is { } group)
                    tags.Add(Translations(group));
                tags.UnionWith(story.Tags.Select(TagList));
                tags.UnionWith(story.Authors.Select(AuthorList));
            }
        }
        foreach (var change in changes)
        {
            switch (change.EntityType)
            {
                case GazetteDb.ArticleCommentsEvent:
                    tags.Add(Comments(change.EntityId));
                    break;
                case nameof(Tags.Tag):
                    tags.Add(Tag(change.EntityId));
                    tags.Add(TagList(change.EntityId));
                    break;
                case nameof(Authors.Author):
                    tags.Add(Author(change.EntityId));
                    tags.Add(AuthorList(change.EntityId));
                    // Lists show bylines by name, and tag each story rather than each author.
                    var stories = await db.Set<ArticleAuthor>().AsNoTracking().Where(x => x.AuthorId == change.EntityId)
                        .Select(x => x.ArticleId).Take(MaxArticlesPerAuthorEviction + 1).ToListAsync(cancellationToken);
                    if (stories.Count > MaxArticlesPerAuthorEviction)
                        return new HashSet<string> { GazetteCachePolicy.AllTag };
                    tags.UnionWith(stories.Select(Story));
                    break;
            }
        }
        return tags;
    }
}
