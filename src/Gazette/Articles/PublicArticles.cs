namespace Gazette.Articles;

public static class PublicArticles
{
    /// <summary>
    /// What a reader may see: published stories, and scheduled ones whose time has come (so a scheduled story
    /// appears at its minute even before the scheduler has flipped its status).
    /// </summary>
    public static IQueryable<Article> WherePublic(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a => (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled)
                            && a.PublishedAt != null && a.PublishedAt <= nowUtc);

    public static bool IsPublic(this Article article, DateTime nowUtc) =>
        article.Status is ArticleStatus.Published or ArticleStatus.Scheduled
        && article.PublishedAt is { } published && published <= nowUtc;
}
