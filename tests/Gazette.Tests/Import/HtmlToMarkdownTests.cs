using Gazette.Import.WordPress;

namespace Gazette.Tests.Import;

public sealed class HtmlToMarkdownTests
{
    private static string Convert(string html) => new HtmlToMarkdown((_, _) => null).Convert(html);

    [Fact]
    public void Classic_editor_text_becomes_paragraphs_with_line_breaks()
    {
        var markdown = Convert("First line\nsecond line.\n\nNext paragraph with <b>bold</b>.");

        Assert.Equal("First line  \nsecond line.\n\nNext paragraph with **bold**.\n", markdown);
    }

    [Fact]
    public void Markdown_characters_in_the_text_stay_text()
    {
        var markdown = Convert("<p>1. Not a list, *not italic*, [not a link] and # not a heading</p><p># hash</p><p>- dash</p>");

        Assert.Contains(@"1\. Not a list, \*not italic\*, \[not a link\] and \# not a heading", markdown);
        Assert.Contains(@"\# hash", markdown);
        Assert.Contains(@"\- dash", markdown);
    }

    [Fact]
    public void Headings_shift_so_the_first_level_in_a_post_is_the_first_in_gazette()
    {
        var markdown = Convert("<h2>Part one</h2><h3>Detail</h3><h5>Deep</h5>");

        Assert.Equal("# Part one\n\n## Detail\n\n### Deep\n", markdown);
    }

    [Fact]
    public void Nested_lists_and_quotes_keep_their_shape()
    {
        var markdown = Convert("<ol><li>one<ul><li>inner</li></ul></li><li>two</li></ol><blockquote><p>Said.</p><p>Again.</p></blockquote>");

        Assert.Contains("1. one\n  - inner\n2. two\n", markdown);
        Assert.Contains("> Said.\n>\n> Again.\n", markdown);
    }

    [Fact]
    public void A_gallery_gives_one_figure_per_image_with_its_own_caption()
    {
        var markdown = Convert("""
            <figure class="wp-block-gallery"><figure class="wp-block-image"><img src="/a.jpg" alt="A"/><figcaption>First. Photo: Ann</figcaption></figure>
            <figure class="wp-block-image"><img src="/b.jpg" alt="B"/></figure></figure>
            """);

        Assert.Contains("::: figure\n![A](/a.jpg)\nFirst.\nCredit: Ann\n:::", markdown);
        Assert.Contains("::: figure\n![B](/b.jpg)\n:::", markdown);
    }

    [Fact]
    public void Scripts_are_dropped_and_tables_kept_for_the_sanitizer()
    {
        var markdown = Convert("<p>Text<script>alert(1)</script></p><table><tr><td>1</td></tr></table>");

        Assert.DoesNotContain("alert", markdown);
        Assert.Contains("<table><tbody><tr><td>1</td></tr></tbody></table>", markdown);
    }

    [Theory]
    [InlineData("Le quai au matin. Photo : AFP", "Le quai au matin.", "AFP")]
    [InlineData("The ferry arrives. Credit: Jane Doe/Studio", "The ferry arrives.", "Jane Doe/Studio")]
    [InlineData("Le port. Crédit photo : Studio Nord", "Le port.", "Studio Nord")]
    [InlineData("Vue du port © Ville de Valmer", "Vue du port", "Ville de Valmer")]
    [InlineData("The photo shows the harbour", "The photo shows the harbour", null)]
    public void A_credit_at_the_end_of_a_caption_is_taken_out(string text, string caption, string? credit)
    {
        Assert.Equal((caption, credit), CaptionCredit.Split(text));
    }

    [Fact]
    public void Unknown_shortcodes_are_reported_and_kept()
    {
        var unknown = new List<string>();

        var html = WordPressShortcodes.Expand("A [poll id=\"3\"] and [embed]https://v.example/x[/embed] and [1].", _ => null, unknown);

        Assert.Equal(["poll"], unknown);
        Assert.Contains("[poll id=\"3\"]", html);
        Assert.Contains("<a href=\"https://v.example/x\">", html);
    }
}
