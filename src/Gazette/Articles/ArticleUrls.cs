namespace Gazette.Articles;

/// <summary>
/// Where a story lives: <c>/{language}/{yyyy}/{MM}/{dd}/{slug}</c>, the date being the publication day in the
/// site's time zone. The language keeps slugs unique (they are unique per language) and readable.
/// </summary>
public static class ArticleUrls
{
    public static string PathOf(Article article, TimeZoneInfo siteTimeZone) =>
        PathOf(article.Language, article.Slug, article.PublishedAt ?? article.CreatedAt, siteTimeZone);

    public static string PathOf(string language, string slug, DateTime instantUtc, TimeZoneInfo siteTimeZone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(instantUtc, DateTimeKind.Utc), siteTimeZone);
        return $"/{language.ToLowerInvariant()}/{local:yyyy}/{local:MM}/{local:dd}/{slug}";
    }
}
