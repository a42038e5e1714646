using System.Globalization;
using System.Text.RegularExpressions;

using Gazette.Text;

using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Gazette.Articles.Markdown;

/// <summary>
/// <c>[[read-also: 42]]</c>, <c>[[read-also: some-slug]]</c> or <c>[[lire-aussi: …]]</c> alone on its line: a link to
/// another story. The body stores only a placeholder naming the target; <see cref="ReadAlsoBlocks"/> fills in the
/// target's current headline and URL when a page is served, so renames follow and unpublished targets vanish.
/// </summary>
public sealed class ReadAlsoBlock(BlockParser parser) : LeafBlock(parser)
{
    /// <summary>The story's id, when the journalist gave it or it was found from the slug at save time.</summary>
    public int? ArticleId { get; set; }

    /// <summary>The slug the journalist gave, kept when no story carries it (yet).</summary>
    public string? Slug { get; set; }

    /// <summary>What the journalist typed after the colon, for messages.</summary>
    public string Reference { get; set; } = "";

    /// <summary>The value of the placeholder's <c>data-article</c> attribute: <c>42</c> or <c>slug:xyz</c>.</summary>
    public string PlaceholderValue =>
        ArticleId is { } id ? id.ToString(CultureInfo.InvariantCulture) : ReadAlsoPlaceholder.SlugPrefix + Slug;
}

/// <summary>The stored form of a read-also block, shared by the renderer, the sanitizer and the request-time resolver.</summary>
public static partial class ReadAlsoPlaceholder
{
    public const string SlugPrefix = "slug:";

    /// <summary>Every stored placeholder starts with this, exactly: the sanitizer writes it in this canonical form.</summary>
    public const string Start = "<aside class=\"read-also\" data-article=\"";

    public static string Html(string value) => $"{Start}{value}\"></aside>";

    public static bool IsValidValue(string? value) => value is not null && ValueFormat().IsMatch(value);

    [GeneratedRegex(@"^(?:[1-9][0-9]{0,9}|slug:[a-z0-9]+(?:-[a-z0-9]+)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ValueFormat();

    [GeneratedRegex("<aside class=\"read-also\" data-article=\"([^\"<>]*)\"></aside>", RegexOptions.CultureInvariant)]
    public static partial Regex Stored();
}

/// <summary>Recognises a read-also line. It never interrupts a paragraph: the block must stand alone.</summary>
public sealed partial class ReadAlsoParser : BlockParser
{
    public ReadAlsoParser() => OpeningCharacters = ['['];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
            return BlockState.None;
        var line = processor.Line;
        var match = Line().Match(line.ToString());
        if (!match.Success)
            return BlockState.None;
        var reference = match.Groups["target"].Value.Trim();
        var block = new ReadAlsoBlock(this)
        {
            Reference = reference,
            Column = processor.Column,
            Line = processor.LineIndex,
            Span = new SourceSpan(line.Start, line.End),
        };
        if (int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            block.ArticleId = id;
        else
            block.Slug = SlugOf(reference);
        processor.NewBlocks.Push(block);
        return BlockState.BreakDiscard;
    }

    public override bool CanInterrupt(BlockProcessor processor, Block block) => block is not ParagraphBlock;

    /// <summary>A slug as typed, or the last segment of a pasted story URL or path.</summary>
    private static string SlugOf(string reference)
    {
        var path = Uri.TryCreate(reference, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.AbsolutePath
            : reference.Split('?', '#')[0];
        var last = path.TrimEnd('/').Split('/')[^1];
        return Slugs.Create(Uri.UnescapeDataString(last));
    }

    [GeneratedRegex(@"^\[\[\s*(?:read[- ]also|lire[- ]aussi)\s*:(?<target>[^\[\]]+)\]\]\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Line();
}

public sealed class ReadAlsoRenderer : HtmlObjectRenderer<ReadAlsoBlock>
{
    protected override void Write(HtmlRenderer renderer, ReadAlsoBlock block)
    {
        if (block.ArticleId is null && string.IsNullOrEmpty(block.Slug))
            return;
        renderer.EnsureLine();
        renderer.Write(ReadAlsoPlaceholder.Html(block.PlaceholderValue));
        renderer.WriteLine();
    }
}
