using System.Text.RegularExpressions;

using AngleSharp.Dom;

using Ganss.Xss;

namespace Gazette.Articles.Markdown;

/// <summary>
/// The allow-list a story body passes through after Markdown rendering, whether it came from Markdown or from raw
/// HTML typed or imported: text structure, links, images, figures, tables and our read-also placeholders; no script,
/// style, frame, object, form, event handler or script-bearing URL. Thread-safe once built.
/// </summary>
public static partial class BodySanitizer
{
    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
        "a", "em", "strong", "i", "b", "u", "s", "del", "ins", "mark", "sub", "sup", "small", "abbr", "cite", "q",
        "code", "pre", "kbd", "samp", "var", "span", "div",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
        "figure", "figcaption", "img", "aside", "picture", "source",
    ];

    private static readonly string[] Attributes =
    [
        "href", "title", "src", "alt", "width", "height", "loading", "class", "id", "lang", "dir",
        "colspan", "rowspan", "scope", "start", "reversed", "datetime", "cite", "data-article",
        "srcset", "sizes", "type", "decoding",
    ];

    private static readonly string[] Classes =
    [
        "figure", "caption", "credit", "read-also", "footnotes", "footnote-ref", "footnote-back-ref",
    ];

    public static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(Classes, StringComparer.Ordinal),
            // Relative URLs stay allowed; of the absolute ones only these. No javascript:, vbscript: or data:.
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto", "tel"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        // After sanitizing, so that renaming an element cannot carry anything past the allow-list.
        sanitizer.PostProcessDom += (_, e) =>
        {
            foreach (var element in (e.Document.Body ?? e.Document.DocumentElement).QuerySelectorAll("*").ToList())
                Tidy(element);
        };
        return sanitizer;
    }

    private static void Tidy(IElement element)
    {
        switch (element.LocalName)
        {
            case "h1":
                // The page's headline is its only h1; a raw <h1> in a body becomes the body's top level, h2.
                element.Replace(Renamed(element, "h2"));
                return;
            case "a" when element.GetAttribute("href") is { } href && IsExternal(href):
                element.SetAttribute("rel", "noopener");
                break;
            case "img" when element.GetAttribute("loading") is { } loading && loading is not ("lazy" or "eager"):
                element.RemoveAttribute("loading");
                break;
        }
        // srcset holds addresses the URL checks do not see: only the media library's own variants may be in one.
        if (element.GetAttribute("srcset") is { } srcset && !IsLibrarySrcSet(srcset))
        {
            element.RemoveAttribute("srcset");
            element.RemoveAttribute("sizes");
        }
        if (element.LocalName == "source" && element.GetAttribute("srcset") is null)
            element.Remove();
        if (element.GetAttribute("id") is { } id && !FootnoteId().IsMatch(id))
            element.RemoveAttribute("id"); // ids could collide with the page's own (skip link, landmarks)
        var article = element.GetAttribute("data-article");
        if (element.LocalName == "aside" && ReadAlsoPlaceholder.IsValidValue(article))
        {
            // The request-time resolver finds placeholders by their exact text: write them in one canonical form.
            while (element.Attributes.Length > 0)
                element.RemoveAttribute(element.Attributes[0]!.Name);
            element.SetAttribute("class", "read-also");
            element.SetAttribute("data-article", article);
            element.InnerHtml = "";
        }
        else
        {
            element.RemoveAttribute("data-article");
            element.ClassList.Remove("read-also");
            if (element.ClassList.Length == 0)
                element.RemoveAttribute("class");
        }
    }

    private static IElement Renamed(IElement element, string name)
    {
        var renamed = element.Owner!.CreateElement(name);
        foreach (var attribute in element.Attributes)
            renamed.SetAttribute(attribute.Name, attribute.Value);
        while (element.FirstChild is { } child)
            renamed.AppendChild(child);
        return renamed;
    }

    private static bool IsLibrarySrcSet(string srcset) =>
        srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(candidate => candidate.StartsWith(Gazette.Media.MediaFiles.LibraryUrlPrefix + "/", StringComparison.Ordinal)
                && !candidate.Contains("//", StringComparison.Ordinal) && !candidate.Contains("..", StringComparison.Ordinal));

    private static bool IsExternal(string href) =>
        href.StartsWith("//", StringComparison.Ordinal)
        || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^fn(?:ref)?:[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteId();
}
