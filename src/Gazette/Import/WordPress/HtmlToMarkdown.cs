using System.Text;
using System.Text.RegularExpressions;

using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Gazette.Import.WordPress;

/// <summary>An image as Gazette will serve it: its address after import, and its size when known.</summary>
public sealed record ImportedImage(string Url, string? AltText, string? Caption, string? Credit);

/// <summary>
/// Turns a post's HTML (Gutenberg blocks or the classic editor's) into the Markdown journalists edit in Gazette:
/// paragraphs, headings, lists, quotes, links, emphasis, and <c>::: figure</c> blocks with caption and credit.
/// What Markdown cannot say (tables, and anything unusual) stays as HTML, which is sanitized at save time like
/// every body.
/// </summary>
public sealed partial class HtmlToMarkdown(Func<string, long?, ImportedImage?> resolveImage)
{
    private static readonly HtmlParser Parser = new();

    public List<string> Warnings { get; } = [];

    public string Convert(string html)
    {
        var document = Parser.ParseDocument("<body>" + AutoParagraphs(html) + "</body>");
        var output = new StringBuilder();
        Blocks(document.Body!.ChildNodes, output);
        var markdown = SpaceAfterBreak().Replace(output.ToString().Trim(), "  \n");
        return MultipleBlankLines().Replace(markdown, "\n\n") + "\n";
    }

    private void Blocks(INodeList nodes, StringBuilder output)
    {
        var inline = new StringBuilder();
        foreach (var node in nodes)
        {
            if (node is IElement element && IsBlock(element))
            {
                FlushParagraph(inline, output);
                Block(element, output);
            }
            else
            {
                Inline(node, inline);
            }
        }
        FlushParagraph(inline, output);
    }

    private static void FlushParagraph(StringBuilder inline, StringBuilder output)
    {
        var text = inline.ToString().Trim();
        inline.Clear();
        if (text.Length == 0)
            return;
        output.Append(text).Append("\n\n");
    }

    /// <summary>
    /// What WordPress's <c>wpautop</c> does when it displays a classic post: text separated by blank lines is a
    /// paragraph, a single line break inside one is a <c>&lt;br&gt;</c>. Blocks already in HTML stay as they are.
    /// </summary>
    public static string AutoParagraphs(string html)
    {
        if (!html.Contains('\n') || ParagraphTag().IsMatch(html))
            return html;
        var chunks = BlankLine().Split(html.Replace("\r\n", "\n"));
        return string.Concat(chunks.Select(chunk => chunk.Trim()).Where(chunk => chunk.Length > 0).Select(chunk =>
            BlockStart().IsMatch(chunk) ? chunk : "<p>" + chunk.Replace("\n", "<br>\n") + "</p>\n"));
    }

    private void Block(IElement element, StringBuilder output)
    {
        switch (element.LocalName)
        {
            case "p":
                var text = InlineText(element).Trim();
                if (text.Length > 0)
                    output.Append(text).Append("\n\n");
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                // The post title is the page's h1, so a post's h2 is its first level of heading: "#" in Gazette.
                var level = Math.Clamp(element.LocalName[1] - '1', 1, 3);
                output.Append('#', level).Append(' ').Append(InlineText(element).Trim().ReplaceLineEndings(" ")).Append("\n\n");
                break;
            case "ul" or "ol":
                List(element, output, 0);
                output.Append('\n');
                break;
            case "blockquote":
                var inner = new StringBuilder();
                Blocks(element.ChildNodes, inner);
                foreach (var line in inner.ToString().Trim().Split('\n'))
                    output.Append(line.Length > 0 ? "> " + line : ">").Append('\n');
                output.Append('\n');
                break;
            case "figure":
                Figure(element, output);
                break;
            case "img":
                FigureFrom(element, null, output);
                break;
            case "pre":
                output.Append("```\n").Append(element.TextContent.TrimEnd()).Append("\n```\n\n");
                break;
            case "hr":
                output.Append("---\n\n");
                break;
            case "table":
                output.Append(element.OuterHtml).Append("\n\n");
                break;
            case "iframe" or "video" or "audio" or "embed" or "object":
                var source = element.GetAttribute("src") ?? element.QuerySelector("source")?.GetAttribute("src");
                if (source is not null && Uri.TryCreate(source, UriKind.Absolute, out _))
                    output.Append('<').Append(source).Append(">\n\n");
                break;
            case "script" or "style" or "noscript" or "form":
                break;
            default:
                // div, section, figure wrappers of blocks: their content, block by block.
                Blocks(element.ChildNodes, output);
                break;
        }
    }

    private void List(IElement list, StringBuilder output, int depth)
    {
        var number = 1;
        foreach (var item in list.Children.Where(c => c.LocalName == "li"))
        {
            var marker = list.LocalName == "ol" ? $"{number++}. " : "- ";
            var text = new StringBuilder();
            foreach (var child in item.ChildNodes)
            {
                if (child is IElement { LocalName: "ul" or "ol" })
                    continue;
                Inline(child, text);
            }
            output.Append(' ', depth * 2).Append(marker).Append(text.ToString().Trim().ReplaceLineEndings(" ")).Append('\n');
            foreach (var nested in item.Children.Where(c => c.LocalName is "ul" or "ol"))
                List(nested, output, depth + 1);
        }
    }

    private void Figure(IElement figure, StringBuilder output)
    {
        var images = figure.QuerySelectorAll("img");
        if (images.Length == 0)
        {
            // An embed: Gutenberg puts the address as the figure's text.
            var url = figure.TextContent.Trim();
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                output.Append('<').Append(url).Append(">\n\n");
            else
                Blocks(figure.ChildNodes, output);
            return;
        }
        var nestedFigures = figure.Children.Where(c => c.LocalName == "figure" || c.LocalName == "ul").ToList();
        if (images.Length > 1 || nestedFigures.Count > 0)
        {
            // A gallery: one figure per image, each with its own caption.
            foreach (var image in images)
            {
                var caption = image.Closest("figure") is { } own && own != figure ? own.QuerySelector("figcaption") : null;
                FigureFrom(image, caption, output);
            }
            return;
        }
        FigureFrom(images[0], figure.QuerySelector("figcaption"), output);
    }

    private void FigureFrom(IElement image, IElement? figcaption, StringBuilder output)
    {
        var source = image.GetAttribute("src") ?? "";
        var attachmentId = AttachmentIdFromClass(image.ClassName);
        var imported = resolveImage(source, attachmentId);
        var alt = FirstNonEmpty(image.GetAttribute("alt"), imported?.AltText);
        var captionText = figcaption is null ? null : InlineText(figcaption).Trim();
        var (caption, credit) = CaptionCredit.Split(FirstNonEmpty(captionText, imported?.Caption));
        credit = FirstNonEmpty(credit, imported?.Credit);
        var url = imported?.Url ?? source;
        if (alt is null)
            Warnings.Add($"image {url} has no alternative text");
        output.Append("::: figure\n");
        output.Append("![").Append(EscapeText(alt ?? "")).Append("](").Append(url.Replace(" ", "%20")).Append(")\n");
        if (!string.IsNullOrWhiteSpace(caption))
            output.Append(caption.ReplaceLineEndings(" ")).Append('\n');
        if (!string.IsNullOrWhiteSpace(credit))
            output.Append("Credit: ").Append(credit).Append('\n');
        output.Append(":::\n\n");
    }

    private string InlineText(INode node)
    {
        var text = new StringBuilder();
        foreach (var child in node.ChildNodes)
            Inline(child, text);
        return text.ToString();
    }

    private void Inline(INode node, StringBuilder output)
    {
        if (node is IText text)
        {
            output.Append(EscapeText(Whitespace().Replace(text.Data, " ")));
            return;
        }
        if (node is not IElement element)
            return;
        switch (element.LocalName)
        {
            case "strong" or "b":
                Wrap(element, "**", output);
                break;
            case "em" or "i":
                Wrap(element, "*", output);
                break;
            case "del" or "s" or "strike":
                Wrap(element, "~~", output);
                break;
            case "code":
                output.Append('`').Append(element.TextContent.Replace("`", "'")).Append('`');
                break;
            case "br":
                output.Append("  \n");
                break;
            case "a":
                var href = element.GetAttribute("href");
                var label = InlineText(element).Trim();
                if (string.IsNullOrWhiteSpace(href) || label.Length == 0)
                    output.Append(label);
                else
                    output.Append('[').Append(label).Append("](").Append(href.Trim().Replace(" ", "%20").Replace(")", "%29")).Append(')');
                break;
            case "img":
                // An image inside a paragraph: Gazette's figures are blocks, so it becomes one after the paragraph.
                var figure = new StringBuilder();
                FigureFrom(element, null, figure);
                output.Append("\n\n").Append(figure).Append("\n\n");
                break;
            case "script" or "style":
                break;
            default:
                foreach (var child in element.ChildNodes)
                    Inline(child, output);
                break;
        }
    }

    private void Wrap(IElement element, string marker, StringBuilder output)
    {
        var inner = InlineText(element);
        var trimmed = inner.Trim();
        if (trimmed.Length == 0)
        {
            output.Append(inner);
            return;
        }
        // Markdown emphasis may not start or end with a space: keep the spaces outside the markers.
        if (char.IsWhiteSpace(inner[0]))
            output.Append(' ');
        output.Append(marker).Append(trimmed).Append(marker);
        if (char.IsWhiteSpace(inner[^1]))
            output.Append(' ');
    }

    private static bool IsBlock(IElement element) => element.LocalName is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
        or "ul" or "ol" or "blockquote" or "figure" or "pre" or "hr" or "table" or "div" or "section" or "article"
        or "iframe" or "video" or "audio" or "embed" or "object" or "script" or "style" or "noscript" or "form"
        or "header" or "footer" or "aside" or "dl";

    private static long? AttachmentIdFromClass(string? classes)
    {
        var match = classes is null ? Match.Empty : WpImageClass().Match(classes);
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static string? FirstNonEmpty(string? first, string? second) =>
        !string.IsNullOrWhiteSpace(first) ? first.Trim() : !string.IsNullOrWhiteSpace(second) ? second.Trim() : null;

    /// <summary>Backslash-escapes what Markdown would otherwise read as syntax, so imported text stays text.</summary>
    public static string EscapeText(string text) =>
        OrderedListStart().Replace(MarkdownSpecial().Replace(text, @"\$0"), @"$1\.");

    [GeneratedRegex(@"[\\`*_\[\]<>#|~&]|^[-+=:]", RegexOptions.Multiline)]
    private static partial Regex MarkdownSpecial();

    [GeneratedRegex(@"^(\d+)\.(?=\s|$)", RegexOptions.Multiline)]
    private static partial Regex OrderedListStart();

    [GeneratedRegex(@"<p[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphTag();

    [GeneratedRegex(@"^<(?:h[1-6]|ul|ol|blockquote|figure|pre|hr|table|div|iframe)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Whitespace();

    // The line break WordPress writes after a <br> is a space in HTML; at the start of a Markdown line it is noise.
    [GeneratedRegex(@"  \n[ \t]+(?=\S)")]
    private static partial Regex SpaceAfterBreak();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex MultipleBlankLines();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"\bwp-image-(\d+)\b")]
    private static partial Regex WpImageClass();
}
