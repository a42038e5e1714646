using System.Text.RegularExpressions;

namespace Gazette.Import.WordPress;

/// <summary>
/// The shortcodes a news site's posts carry: <c>[caption]</c> becomes a figure, <c>[gallery]</c> its images,
/// <c>[embed]</c> a link; any other shortcode is left in the text, as WordPress itself shows an unknown one, and
/// reported so someone can look at it.
/// </summary>
public static partial class WordPressShortcodes
{
    /// <summary>Rewrites the known shortcodes into HTML the converter understands; returns the unknown ones' names.</summary>
    public static string Expand(string content, Func<long, string?> galleryImageHtml, ICollection<string> unknown)
    {
        content = Caption().Replace(content, match =>
        {
            var inner = match.Groups["inner"].Value;
            var image = ImageOrLinkedImage().Match(inner);
            if (!image.Success)
                return inner;
            var caption = inner.Remove(image.Index, image.Length).Trim();
            if (caption == "")
                caption = AttributeValue(match.Groups["attributes"].Value, "caption") ?? "";
            return $"<figure>{image.Value}<figcaption>{caption}</figcaption></figure>";
        });
        content = Gallery().Replace(content, match =>
        {
            var ids = AttributeValue(match.Groups["attributes"].Value, "ids") ?? "";
            var figures = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => long.TryParse(id, out var n) ? galleryImageHtml(n) : null)
                .Where(html => html is not null);
            return string.Concat(figures);
        });
        content = Embed().Replace(content, match =>
        {
            var url = match.Groups["url"].Value.Trim();
            return $"<p><a href=\"{url}\">{url}</a></p>";
        });
        foreach (Match match in AnyShortcode().Matches(content))
        {
            var name = match.Groups["name"].Value;
            if (!unknown.Contains(name))
                unknown.Add(name);
        }
        return content;
    }

    private static string? AttributeValue(string attributes, string name)
    {
        var match = Regex.Match(attributes, $@"\b{name}\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>\S+))", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups["v"].Value : null;
    }

    [GeneratedRegex(@"\[caption(?<attributes>[^\]]*)\](?<inner>.*?)\[/caption\]", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex(@"(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", RegexOptions.IgnoreCase)]
    private static partial Regex ImageOrLinkedImage();

    [GeneratedRegex(@"\[gallery(?<attributes>[^\]]*)\]", RegexOptions.IgnoreCase)]
    private static partial Regex Gallery();

    [GeneratedRegex(@"\[embed[^\]]*\](?<url>.*?)\[/embed\]", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Embed();

    // A shortcode starts with a letter right after the bracket: "[1]" footnotes and "[...]" elisions are text.
    [GeneratedRegex(@"\[(?<name>[a-zA-Z][\w-]*)(?:\s[^\]]*)?\]")]
    private static partial Regex AnyShortcode();
}
