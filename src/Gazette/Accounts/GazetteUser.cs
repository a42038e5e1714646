using Gazette.Authors;

using Microsoft.AspNetCore.Identity;

namespace Gazette.Accounts;

/// <summary>A member of the newsroom who signs in. Readers never have accounts.</summary>
public class GazetteUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>The byline this person writes under, if any.</summary>
    public int? AuthorId { get; set; }
    public Author? Author { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The language of the newsroom pages and staff e-mails for this person (en, fr, nl, de, es, it, ar); null follows the browser.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(16)]
    public string? InterfaceLanguage { get; set; }

    /// <summary>Wants a mail about each new comment on the stories they write or moderate (turned off from the mail's own link or My account).</summary>
    public bool NotifyOfComments { get; set; } = true;
}
