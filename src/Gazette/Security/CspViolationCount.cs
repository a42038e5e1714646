using Microsoft.EntityFrameworkCore;

namespace Gazette.Security;

/// <summary>
/// How many Content-Security-Policy violations of one kind one page had on one day. Nothing here names a reader:
/// no address, no user agent, no query string, no full blocked URL (only its origin or scheme).
/// </summary>
public sealed class CspViolationCount
{
    public const int MaxDirectiveLength = 60;
    public const int MaxBlockedLength = 200;
    public const int MaxPagePathLength = 300;

    public int Id { get; set; }
    public DateOnly Day { get; set; }
    public string Directive { get; set; } = "";
    /// <summary>The blocked resource reduced to its origin (<c>https://cdn.example</c>), scheme (<c>data:</c>) or keyword (<c>inline</c>).</summary>
    public string Blocked { get; set; } = "";
    /// <summary>The page's path, without its query or fragment.</summary>
    public string PagePath { get; set; } = "";
    public int Count { get; set; }

    public static void Configure(ModelBuilder model) => model.Entity<CspViolationCount>(count =>
    {
        count.ToTable("CspViolationCounts");
        count.Property(c => c.Directive).HasMaxLength(MaxDirectiveLength);
        count.Property(c => c.Blocked).HasMaxLength(MaxBlockedLength);
        count.Property(c => c.PagePath).HasMaxLength(MaxPagePathLength);
        // One row per kind and day: a report adds one to it, however many browsers send the same.
        count.HasIndex(c => new { c.Day, c.Directive, c.Blocked, c.PagePath }).IsUnique();
    });
}
