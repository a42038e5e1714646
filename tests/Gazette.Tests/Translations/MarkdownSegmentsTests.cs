using Gazette.Translations;

namespace Gazette.Tests.Translations;

public sealed class MarkdownSegmentsTests
{
    private static string Shout(string markdown)
    {
        var segments = MarkdownSegments.Parse(markdown);
        return segments.Rebuild(segments.Texts.Select(t => t.ToUpperInvariant()).ToList());
    }

    [Fact]
    public void Only_text_is_translated_and_the_structure_comes_back_as_it_was()
    {
        const string markdown = "# Title #\n\nA paragraph\nwrapped on two lines.\n\n> A quote\n\n1. First\n2. Second\n\n```\ncode stays\n```\n\n[[read-also: 12]]\n\n---\n\nLast line";
        Assert.Equal("# TITLE #\n\nA PARAGRAPH WRAPPED ON TWO LINES.\n\n> A QUOTE\n\n1. FIRST\n2. SECOND\n\n```\ncode stays\n```\n\n[[read-also: 12]]\n\n---\n\nLAST LINE",
            Shout(markdown));
    }

    [Fact]
    public void Figure_blocks_and_link_addresses_are_never_sent()
    {
        const string markdown = "See [the map](https://example.com/Map_(old) \"Old map\").\n\n::: figure\n![Alt](/media/a.jpg)\nCaption here\n:::\n";
        var segments = MarkdownSegments.Parse(markdown);
        Assert.Equal(["See [the map](_1_)."], segments.Texts);
        Assert.Equal("SEE [THE MAP](https://example.com/Map_(old) \"Old map\").\n\n::: figure\n![Alt](/media/a.jpg)\nCaption here\n:::\n",
            segments.Rebuild(segments.Texts.Select(t => t.ToUpperInvariant()).ToList()));
    }
}
