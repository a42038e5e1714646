namespace Gazette.Import.WordPress;

/// <summary>The channel of a WordPress export: which site it comes from and in what language.</summary>
public sealed record WxrSite(string Version, string BaseSiteUrl, string BlogUrl, string Title, string? Language);

public sealed record WxrAuthor(string Login, string? Email, string DisplayName);

/// <summary>A category or tag declared at the top of the export.</summary>
public sealed record WxrTerm(string Domain, string Slug, string Name, string? ParentSlug, string? TermId);

/// <summary>A term named on an item: <c>&lt;category domain="post_tag" nicename="x"&gt;X&lt;/category&gt;</c>.</summary>
public sealed record WxrItemTerm(string Domain, string Slug, string Name);

public sealed record WxrComment(
    long Id,
    long ParentId,
    string AuthorName,
    string? AuthorEmail,
    string? AuthorUrl,
    string? AuthorIp,
    DateTime DateUtc,
    string Content,
    string Approved,
    string Type,
    int Line);

/// <summary>One <c>&lt;item&gt;</c>: a post, a page, an attachment or anything else WordPress exports.</summary>
public sealed record WxrItem(
    long PostId,
    string PostType,
    string Title,
    string? Link,
    string Creator,
    string Content,
    string Excerpt,
    string PostName,
    string Status,
    DateTime? DateUtc,
    DateTime? ModifiedUtc,
    long ParentId,
    string CommentStatus,
    string? AttachmentUrl,
    IReadOnlyList<WxrItemTerm> Terms,
    IReadOnlyDictionary<string, string> Meta,
    IReadOnlyList<WxrComment> Comments,
    int Line);

/// <summary>A file that is not a WordPress export Gazette can read, with where the problem is.</summary>
public sealed class WxrFormatException(string message, int line = 0, int position = 0)
    : Exception(line > 0 ? $"line {line}, position {position}: {message}" : message)
{
    public int Line { get; } = line;
    public int Position { get; } = position;
}
