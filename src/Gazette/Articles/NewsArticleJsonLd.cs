using System.Text.Encodings.Web;
using System.Text.Json;

using Gazette.Site;

namespace Gazette.Articles;

/// <summary>The schema.org <c>NewsArticle</c> that search engines read from a story page.</summary>
public static class NewsArticleJsonLd
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Article article, SiteContext.Snapshot site, string canonicalUrl, string? imageUrl,
        Func<string, string> absoluteUrl)
    {
        var document = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = new Dictionary<string, object?> { ["@type"] = "WebPage", ["@id"] = canonicalUrl },
            ["url"] = canonicalUrl,
            // Google shows at most 110 characters of a headline.
            ["headline"] = Shorten(article.DisplayHeadline, 110),
            ["description"] = string.IsNullOrWhiteSpace(article.Standfirst) ? null : article.Standfirst,
            ["inLanguage"] = article.Language,
            ["datePublished"] = article.PublishedAt is { } published ? ArticleDates.Iso(published, site.TimeZone) : null,
            ["dateModified"] = ArticleDates.Iso(article.UpdatedAt, site.TimeZone),
            ["author"] = article.Authors.Select(byline => new Dictionary<string, object?>
            {
                ["@type"] = "Person",
                ["name"] = byline.Author.Name,
                ["url"] = absoluteUrl(Addresses.Byline(site, article.Language, byline.Author.Slug)),
            }).ToList(),
            ["image"] = imageUrl is null ? null : new[] { imageUrl },
            ["articleSection"] = article.Section?.Name,
            ["keywords"] = article.Tags.Count == 0 ? null : article.Tags.Select(t => t.Name).ToList(),
            ["publisher"] = new Dictionary<string, object?>
            {
                ["@type"] = "NewsMediaOrganization",
                ["name"] = site.Settings.Title,
                ["url"] = absoluteUrl("/"),
                ["logo"] = new Dictionary<string, object?> { ["@type"] = "ImageObject", ["url"] = absoluteUrl("/logo.png") },
            },
        };
        foreach (var key in document.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
            document.Remove(key);
        // Relaxed escaping keeps accents and "+" readable; "<" alone is escaped, so the JSON can never close its <script>.
        return JsonSerializer.Serialize(document, Options).Replace("<", "\\u003c", StringComparison.Ordinal);
    }

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > 0 ? text[..cut] : text[..(max - 1)]).TrimEnd(' ', ',', ';', ':') + "…";
    }
}
