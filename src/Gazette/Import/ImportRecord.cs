using Microsoft.EntityFrameworkCore;

namespace Gazette.Import;

/// <summary>
/// What an import made of one thing in a source ("post 42 of https://example.org" became story 17), and a hash of
/// what it was made from: importing the same file again changes nothing, and a newer export updates what changed.
/// </summary>
public class ImportRecord
{
    public long Id { get; set; }

    /// <summary>The source site, e.g. the WordPress <c>base_site_url</c> without a trailing slash.</summary>
    public required string Source { get; set; }

    /// <summary><c>post</c>, <c>attachment</c>, <c>comment</c>, <c>author</c>…</summary>
    public required string Kind { get; set; }
    public required string ExternalId { get; set; }
    public required string LocalId { get; set; }
    public required string ContentHash { get; set; }
    public DateTime ImportedAt { get; set; }

    public static void Configure(ModelBuilder model) => model.Entity<ImportRecord>(record =>
    {
        record.Property(r => r.Source).HasMaxLength(300);
        record.Property(r => r.Kind).HasMaxLength(20);
        record.Property(r => r.ExternalId).HasMaxLength(100);
        record.Property(r => r.LocalId).HasMaxLength(450);
        record.Property(r => r.ContentHash).HasMaxLength(64);
        record.HasIndex(r => new { r.Source, r.Kind, r.ExternalId }).IsUnique();
    });
}
