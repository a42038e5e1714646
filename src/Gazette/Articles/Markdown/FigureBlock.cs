using System.Text.RegularExpressions;

using Markdig.Extensions.CustomContainers;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gazette.Articles.Markdown;

/// <summary>
/// A <c>::: figure</c> container once understood: its image, the caption lines and the credit line
/// (the line that starts with <c>Credit:</c> or <c>Crédit :</c>).
/// </summary>
public sealed class FigureBlock(LinkInline image, ContainerInline? caption, ContainerInline? credit) : LeafBlock(null)
{
    public LinkInline Image { get; } = image;
    public ContainerInline? Caption { get; } = caption;
    public ContainerInline? Credit { get; } = credit;

    /// <summary>The media-library image the figure points at, found at save time; null for any other address.</summary>
    public Gazette.Media.MediaItem? Media { get; set; }

    /// <summary>The library's storage key in an address of one of its variants (<c>/media/lib/KEY/960.jpg</c>), else null.</summary>
    public string? LibraryKey
    {
        get
        {
            var prefix = Gazette.Media.MediaFiles.LibraryUrlPrefix + "/";
            var url = Image.Url;
            if (url is null || !url.StartsWith(prefix, StringComparison.Ordinal))
                return null;
            var key = url[prefix.Length..].Split('/')[0];
            return key.Length > 0 ? key : null;
        }
    }
}

/// <summary>Turns the custom containers whose info is <c>figure</c> into <see cref="FigureBlock"/>s.</summary>
public static partial class FigureTransform
{
    public const string Info = "figure";

    public static void Apply(MarkdownDocument document, List<MarkdownWarning> warnings)
    {
        foreach (var container in document.Descendants<CustomContainer>().ToList())
        {
            var line = container.Line + 1;
            if (!string.Equals(container.Info?.Trim(), Info, StringComparison.OrdinalIgnoreCase))
            {
                warnings.Add(new(line, $"'::: {container.Info}' is not a block Gazette knows; only '::: figure' is. Its content is shown as ordinary text."));
                continue;
            }
            if (Build(container, warnings) is not { } figure || container.Parent is not { } parent)
                continue;
            var index = parent.IndexOf(container);
            parent.RemoveAt(index);
            parent.Insert(index, figure);
        }
    }

    private static FigureBlock? Build(CustomContainer container, List<MarkdownWarning> warnings)
    {
        var lines = new List<List<Inline>>();
        foreach (var block in container)
        {
            if (block is not ParagraphBlock { Inline: { } inlines })
            {
                warnings.Add(new(block.Line + 1, "A figure holds an image, a caption and a credit line; other blocks in it are left out."));
                continue;
            }
            var current = new List<Inline>();
            foreach (var inline in inlines.ToList())
            {
                if (inline is LineBreakInline)
                {
                    lines.Add(current);
                    current = [];
                }
                else
                {
                    current.Add(inline);
                }
            }
            lines.Add(current);
        }

        LinkInline? image = null;
        var captionLines = new List<List<Inline>>();
        List<Inline>? credit = null;
        foreach (var line in lines.Where(l => l.Any(i => !IsBlank(i))))
        {
            if (image is null && line.OfType<LinkInline>().FirstOrDefault(l => l.IsImage) is { } found)
            {
                image = found;
                var rest = line.Where(i => i != found).ToList();
                if (rest.Any(i => !IsBlank(i)))
                    captionLines.Add(rest);
            }
            else if (credit is null && StripCreditLabel(line))
            {
                credit = line;
            }
            else
            {
                captionLines.Add(line);
            }
        }

        if (image is null)
        {
            warnings.Add(new(container.Line + 1, "This figure has no image: write ![alternative text](address) on its first line."));
            return null;
        }
        return new FigureBlock(image, Join(captionLines), credit is null ? null : Join([credit]))
        {
            Line = container.Line,
            Column = container.Column,
            Span = container.Span,
        };
    }

    /// <summary>Removes a leading "Credit:" label from the line; false when the line has none or nothing follows it.</summary>
    private static bool StripCreditLabel(List<Inline> line)
    {
        var leading = line.TakeWhile(i => i is LiteralInline).Cast<LiteralInline>().ToList();
        var text = string.Concat(leading.Select(l => l.Content.ToString()));
        var label = CreditLabel().Match(text);
        if (!label.Success || string.IsNullOrWhiteSpace(text[label.Length..]) && leading.Count == line.Count)
            return false;
        var toCut = label.Length;
        foreach (var literal in leading)
        {
            var content = literal.Content;
            var cut = Math.Min(toCut, content.Length);
            literal.Content = new StringSlice(content.Text, content.Start + cut, content.End);
            toCut -= cut;
            if (toCut == 0)
                break;
        }
        return true;
    }

    /// <summary>Moves the lines' inlines into one container, separated by line breaks, without the outer blanks.</summary>
    private static ContainerInline? Join(List<List<Inline>> lines)
    {
        var joined = new ContainerInline();
        foreach (var line in lines)
        {
            if (joined.FirstChild is not null)
                joined.AppendChild(new LineBreakInline());
            foreach (var inline in line)
            {
                inline.Remove();
                joined.AppendChild(inline);
            }
        }
        if (joined.FirstChild is LiteralInline first)
            first.Content = Trimmed(first.Content, start: true);
        if (joined.LastChild is LiteralInline last)
            last.Content = Trimmed(last.Content, start: false);
        return joined.Any(i => !IsBlank(i)) ? joined : null;
    }

    private static StringSlice Trimmed(StringSlice slice, bool start)
    {
        if (start)
            slice.TrimStart();
        else
            slice.TrimEnd();
        return slice;
    }

    private static bool IsBlank(Inline inline) =>
        inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace() || inline is LineBreakInline;

    /// <summary>Plain text of an image's alternative text or any other inline container.</summary>
    public static string PlainText(ContainerInline container) => string.Concat(container.Select(inline => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        ContainerInline inner => PlainText(inner),
        _ => "",
    }));

    [GeneratedRegex(@"^\s*(?:cr[eé]dits?(?:\s+photos?)?|photo\s+credits?)\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditLabel();
}

public sealed class FigureRenderer : HtmlObjectRenderer<FigureBlock>
{
    /// <summary>A body image spans the text column (site.css's --measure, 38rem) or the phone's width.</summary>
    public const string BodyImageSizes = "(min-width: 40rem) 38rem, 100vw";

    protected override void Write(HtmlRenderer renderer, FigureBlock figure)
    {
        renderer.EnsureLine();
        renderer.Write("<figure class=\"figure\">");
        if (figure.Media is { } media)
        {
            // A library image gets the lead figure's treatment: every variant, its size, loaded when scrolled near.
            renderer.Write(Gazette.Media.MediaImages.Picture(media, FigureTransform.PlainText(figure.Image), BodyImageSizes, aboveTheFold: false).ToString());
        }
        else
        {
            renderer.Write("<img src=\"");
            renderer.WriteEscapeUrl(figure.Image.GetDynamicUrl?.Invoke() ?? figure.Image.Url);
            renderer.Write("\" alt=\"");
            var html = renderer.EnableHtmlForInline;
            renderer.EnableHtmlForInline = false;
            renderer.WriteChildren(figure.Image);
            renderer.EnableHtmlForInline = html;
            renderer.Write("\" loading=\"lazy\">");
        }
        if (figure.Caption is not null || figure.Credit is not null)
        {
            renderer.Write("<figcaption>");
            if (figure.Caption is not null)
            {
                renderer.Write("<span class=\"caption\">");
                renderer.WriteChildren(figure.Caption);
                renderer.Write("</span>");
            }
            if (figure.Caption is not null && figure.Credit is not null)
                renderer.Write(" ");
            if (figure.Credit is not null)
            {
                renderer.Write("<span class=\"credit\">");
                renderer.WriteChildren(figure.Credit);
                renderer.Write("</span>");
            }
            renderer.Write("</figcaption>");
        }
        renderer.Write("</figure>");
        renderer.WriteLine();
    }
}
