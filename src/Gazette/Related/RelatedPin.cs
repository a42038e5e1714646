using Microsoft.EntityFrameworkCore;

namespace Gazette.Related;

public enum RelatedPinKind
{
    Pin = 0,
    Exclude = 1,
}

/// <summary>An editor's choice for a story's "read also" list: a story always shown (in <see cref="Position"/> order), or never.</summary>
public class RelatedPin
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public int TargetId { get; set; }
    public RelatedPinKind Kind { get; set; }
    public int Position { get; set; }

    public static void Configure(ModelBuilder model) =>
        model.Entity<RelatedPin>(pin =>
        {
            pin.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            pin.HasIndex(p => new { p.ArticleId, p.TargetId }).IsUnique();
            pin.HasIndex(p => p.TargetId);
            pin.HasOne<Articles.Article>().WithMany().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
            pin.HasOne<Articles.Article>().WithMany().HasForeignKey(p => p.TargetId).OnDelete(DeleteBehavior.Cascade);
        });
}
