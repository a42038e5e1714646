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
}
