using Gazette.Authors;
using Gazette.Media;
using Gazette.Sections;
using Gazette.Tags;

namespace Gazette.Articles;

public enum ArticleStatus
{
    Draft = 0,
    InReview = 1,
    Scheduled = 2,
    Published = 3,
    Unpublished = 4,
}

/// <summary>A story. The Markdown body is the source; <see cref="BodyHtml"/> is derived from it at save time.</summary>
public class Article
{
    public int Id { get; set; }
    public required string Headline { get; set; }
    public string? SecondHeadline { get; set; }
    public string Standfirst { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";

    /// <summary>BCP 47 language tag, lower-case primary subtag (e.g. <c>fr</c>, <c>en</c>, <c>pt-BR</c>).</summary>
    public string Language { get; set; } = "en";
    public string Slug { get; set; } = "";
    public ArticleStatus Status { get; set; }

    public int? SectionId { get; set; }
    public Section? Section { get; set; }
    public List<Tag> Tags { get; set; } = [];
    public List<ArticleAuthor> Authors { get; set; } = [];
    public Figure? FeaturedFigure { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When the story went (or, when scheduled, goes) public. UTC.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>The newsroom user who created the story (its owner for Contributor and Author rights).</summary>
    public string? CreatedByUserId { get; set; }

    /// <summary>Set when the story is deleted: it stays restorable for 30 days, hidden everywhere else.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>Optimistic concurrency: replaced on every save, so two editors cannot silently overwrite each other.</summary>
    public Guid Version { get; set; }

    /// <summary>Readers may comment (within the site's closing delay after publication).</summary>
    public bool CommentsOpen { get; set; } = true;
    /// <summary>Translations of one story share this group; null for a story with no translation.</summary>
    public Guid? TranslationGroup { get; set; }

    /// <summary>The story this one was translated from (its original); null for an original. See <see cref="Translations.ArticleTranslations"/>.</summary>
    public int? TranslationSourceId { get; set; }

    /// <summary>The fingerprint of the original's text when this translation was made or last brought up to date.</summary>
    public string? TranslationSourceHash { get; set; }

    /// <summary>Pre-filled by machine translation and not yet approved by an editor: cannot be published until then.</summary>
    public bool MachineTranslated { get; set; }

    public string DisplayHeadline => string.IsNullOrWhiteSpace(SecondHeadline) ? Headline : $"{Headline} • {SecondHeadline}";
}

/// <summary>An author's place in a story's byline.</summary>
public class ArticleAuthor
{
    public int ArticleId { get; set; }
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    public int Position { get; set; }
}

/// <summary>An old public path of a story, answered with 301 to its current one.</summary>
public class ArticleRedirect
{
    public int Id { get; set; }
    public required string Path { get; set; }
    public int ArticleId { get; set; }
}
