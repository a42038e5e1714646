namespace Gazette.Site;

/// <summary>What a public page tells the layout for its head: title, description, canonical URL, language, sharing cards.</summary>
public sealed class PageMeta
{
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required string Language { get; init; }

    /// <summary>Absolute canonical URL; null for pages that should not be indexed (errors).</summary>
    public string? CanonicalUrl { get; init; }
    public string OpenGraphType { get; init; } = "website";
    public string? ImageUrl { get; init; }
    public string? ImageAlt { get; init; }
    public DateTime? PublishedAt { get; init; }
    public DateTime? ModifiedAt { get; init; }

    /// <summary>Serialized JSON-LD, already safe to embed in a script element.</summary>
    public string? JsonLd { get; init; }
    public bool NoIndex { get; init; }

    /// <summary>This page's own feeds (a section's, a tag's…), announced besides the site's.</summary>
    public IReadOnlyList<Feeds.FeedLink> Feeds { get; init; } = [];

    /// <summary>The translations of this page, each with its language (hreflang), including x-default.</summary>
    public IReadOnlyList<Translations.LanguageAlternate> LanguageAlternates { get; init; } = [];
}
