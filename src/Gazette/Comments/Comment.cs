namespace Gazette.Comments;

public enum CommentStatus
{
    Pending = 0,
    Approved = 1,
    Spam = 2,
    Trash = 3,
}

/// <summary>
/// A reader's (or a staff member's) comment under a story. The e-mail address is kept normalised for history,
/// replies and privacy requests and is never shown; the IP address is kept only as a keyed hash, for a limited time.
/// </summary>
public class Comment
{
    public int Id { get; set; }
    public int ArticleId { get; set; }

    /// <summary>The comment this one answers (same story); null for a top-level comment.</summary>
    public int? ParentId { get; set; }

    public string AuthorName { get; set; } = "";

    /// <summary>Trimmed and lower-cased; empty once the comment is erased.</summary>
    public string Email { get; set; } = "";
    public string? Website { get; set; }

    /// <summary>Plain text as typed (line breaks normalised); rendered encoded, never as HTML.</summary>
    public string Text { get; set; } = "";
    public CommentStatus Status { get; set; }

    /// <summary>0..1, how likely spam; <see cref="SpamReasons"/> says why, one reason a line.</summary>
    public double SpamScore { get; set; }
    public string SpamReasons { get; set; } = "";

    /// <summary>HMAC-SHA256 of the sender's address with the site's secret key; cleared after the retention period.</summary>
    public string? IpHash { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ApprovedAt { get; set; }

    /// <summary>Written by the newsroom from the moderation page: approved at once and shown with a badge.</summary>
    public bool IsStaffReply { get; set; }
    public string? StaffUserId { get; set; }

    /// <summary>The story's language when the comment was written: the language of the mails about it.</summary>
    public string Language { get; set; } = "en";

    /// <summary>The commenter asked for an e-mail when an approved reply arrives.</summary>
    public bool NotifyReplies { get; set; }

    /// <summary>Set when the commenter (or an administrator) erased it: personal data and text are gone, the place in the thread stays.</summary>
    public DateTime? ErasedAt { get; set; }

    public IReadOnlyList<string> ReasonList => SpamReasons.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A form token already used to post, kept until the token would have expired anyway: a replay is refused on every node.</summary>
public class CommentFormUse
{
    public Guid Id { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// <summary>
/// A moderator's "spam" / "not spam" verdict. At start-up every node replays these, oldest first, into the
/// shipped model, and picks up new ones as they arrive, so each node's filter learns the same lessons.
/// </summary>
public class SpamFeedback
{
    public int Id { get; set; }
    public int? CommentId { get; set; }
    public string Text { get; set; } = "";
    public string? Author { get; set; }
    public bool IsSpam { get; set; }
    public string? UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}
