using Gazette.Data;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Articles;

/// <summary>
/// A tag's or an author's stories, asked as "Id IN (the links)" rather than "EXISTS a link for each story": the
/// database starts from the few links instead of testing every public story, so the cost follows the tag's size, not
/// the site's (measured in docs/performance.md).
/// </summary>
public static class ArticleFilters
{
    public static IQueryable<Article> TaggedWith(this IQueryable<Article> articles, GazetteDb db, int tagId)
    {
        var linked = db.Set<Dictionary<string, object>>("ArticleTags")
            .Where(link => EF.Property<int>(link, "TagsId") == tagId)
            .Select(link => EF.Property<int>(link, "ArticlesId"));
        return articles.Where(a => linked.Contains(a.Id));
    }

    public static IQueryable<Article> BylinedTo(this IQueryable<Article> articles, GazetteDb db, int authorId)
    {
        var bylined = db.Set<ArticleAuthor>().Where(byline => byline.AuthorId == authorId).Select(byline => byline.ArticleId);
        return articles.Where(a => bylined.Contains(a.Id));
    }
}
