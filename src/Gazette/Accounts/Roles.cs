namespace Gazette.Accounts;

/// <summary>The newsroom's roles, with WordPress-like rights; each role has every right of the ones below it.</summary>
public static class Roles
{
    /// <summary>Also manages users, site settings and API tokens.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Edits, schedules, publishes and unpublishes every story; manages sections and tags.</summary>
    public const string Editor = "Editor";

    /// <summary>Publishes their own stories.</summary>
    public const string Author = "Author";

    /// <summary>Writes and edits their own drafts and submits them for review; cannot publish.</summary>
    public const string Contributor = "Contributor";

    public static readonly string[] All = [Administrator, Editor, Author, Contributor];
}

/// <summary>Authorization policy names used by the admin pages and APIs.</summary>
public static class Policies
{
    /// <summary>Any newsroom role: may enter /admin.</summary>
    public const string Newsroom = "Newsroom";

    /// <summary>Author, Editor, Administrator: may publish (their own stories at least).</summary>
    public const string Publish = "Publish";

    /// <summary>Editor, Administrator: may edit and publish everyone's stories, and manage sections and tags.</summary>
    public const string EditAll = "EditAll";

    /// <summary>Administrator: users, settings, API tokens.</summary>
    public const string Administer = "Administer";
}
