using Gazette.Articles;
using Gazette.Sections;
using Gazette.Tags;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Names;

/// <summary>A section's name and slug in one language other than its own (its <see cref="Section.Name"/>).</summary>
public class SectionTranslation
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public required string Language { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
}

/// <summary>A tag's name and slug in one language: a tag is one subject whatever language a story is written in.</summary>
public class TagTranslation
{
    public int Id { get; set; }
    public int TagId { get; set; }
    public required string Language { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
}

public static class LocalizedNames
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<SectionTranslation>(name =>
        {
            name.Property(n => n.Language).HasMaxLength(35);
            name.Property(n => n.Name).HasMaxLength(100);
            name.Property(n => n.Slug).HasMaxLength(100);
            name.HasIndex(n => new { n.SectionId, n.Language }).IsUnique();
            name.HasIndex(n => new { n.Language, n.Slug }).IsUnique();
            name.HasOne<Section>().WithMany().HasForeignKey(n => n.SectionId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<TagTranslation>(name =>
        {
            name.Property(n => n.Language).HasMaxLength(35);
            name.Property(n => n.Name).HasMaxLength(100);
            name.Property(n => n.Slug).HasMaxLength(100);
            name.HasIndex(n => new { n.TagId, n.Language }).IsUnique();
            name.HasIndex(n => new { n.Language, n.Slug }).IsUnique();
            name.HasOne<Tag>().WithMany().HasForeignKey(n => n.TagId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Article>(article =>
        {
            article.Property(a => a.TranslationSourceHash).HasMaxLength(64);
            article.HasOne<Article>().WithMany().HasForeignKey(a => a.TranslationSourceId).OnDelete(DeleteBehavior.SetNull);
        });
        model.Entity<Site.SiteSettings>(settings =>
        {
            settings.Property(s => s.EditionLanguages).HasMaxLength(400);
            settings.Property(s => s.MachineTranslationUrl).HasMaxLength(400);
            settings.Property(s => s.MachineTranslationApiKey).HasMaxLength(400);
        });
    }
}
