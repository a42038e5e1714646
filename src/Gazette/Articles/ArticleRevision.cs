namespace Gazette.Articles;

/// <summary>One saved state of a story: who saved it, when, and everything a restore needs (as JSON).</summary>
public class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }

    /// <summary>1 for the first save of a story, then counting up.</summary>
    public int Number { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>What happened, e.g. "saved draft", "published", "restored revision 3".</summary>
    public string Action { get; set; } = "";

    /// <summary>The story's editable fields as JSON (headline, body Markdown, slug, section, tags, authors, figure, status…).</summary>
    public string Snapshot { get; set; } = "{}";
}
