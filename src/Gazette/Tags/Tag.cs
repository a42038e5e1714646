using Gazette.Articles;

namespace Gazette.Tags;

public class Tag
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public List<Article> Articles { get; set; } = [];

    /// <summary>
    /// "#PortDeValmer" for "Port de Valmer": words joined, each starting with a capital, so the hashtag stays
    /// readable (and screen readers can say it) without spaces; other letters keep their case ("#OTAN").
    /// </summary>
    public string Hashtag => "#" + string.Concat(
        Name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => string.Concat(word.Where(char.IsLetterOrDigit)))
            .Where(word => word.Length > 0)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
