using Gazette.Data;
using Gazette.Text;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Tags;

/// <summary>Tags as the editor types them: comma-separated names, matched to existing tags by slug, new ones created.</summary>
public static class TagNames
{
    public const int MaxLength = 100;

    /// <summary>The distinct, trimmed names of a comma-separated list (by slug: "Port Aurel" and "port-aurel" are one tag).</summary>
    public static IReadOnlyList<string> Split(string? text) => Clean((text ?? "").Split(','));

    /// <summary>
    /// The distinct, trimmed names of a list given name by name (the admin API's JSON array): a comma is part of a
    /// name here, since only the editor's text field uses it to separate them.
    /// </summary>
    public static IReadOnlyList<string> Clean(IEnumerable<string?> names) =>
        names.Select(name => name?.Trim() ?? "")
            .Select(name => name.Length > MaxLength ? name[..MaxLength].Trim() : name)
            .Where(IsName)
            .DistinctBy(SlugOf)
            .ToList();

    /// <summary>Whether the text can name a tag: punctuation or spaces alone cannot.</summary>
    public static bool IsName(string text) => text.Any(char.IsLetterOrDigit);

    /// <summary>
    /// A tag's address: its name in Latin letters, or, for a script the slugs cannot spell (Chinese, Japanese, Hebrew…),
    /// "tag-" and a stable hash of the name, so that the tag is kept with an address rather than dropped.
    /// </summary>
    public static string SlugOf(string name)
    {
        var slug = Slugs.Create(name);
        if (slug.Length > 0)
            return slug;
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name.Trim().Normalize().ToLowerInvariant()));
        return "tag-" + Convert.ToHexStringLower(hash)[..10];
    }

    /// <summary>The tags named, in the order given: existing ones found by slug, the others added to <paramref name="db"/> (not saved).</summary>
    public static async Task<List<Tag>> FindOrCreateAsync(GazetteDb db, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Select(name => (Name: name, Slug: SlugOf(name))).DistinctBy(n => n.Slug).ToList();
        var slugs = wanted.Select(n => n.Slug).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, cancellationToken);
        var tags = new List<Tag>();
        foreach (var (name, slug) in wanted)
        {
            if (!existing.TryGetValue(slug, out var tag))
            {
                tag = db.Tags.Local.FirstOrDefault(t => t.Slug == slug) ?? new Tag { Name = name, Slug = slug };
                if (db.Entry(tag).State == EntityState.Detached)
                    db.Tags.Add(tag);
            }
            tags.Add(tag);
        }
        return tags;
    }
}
