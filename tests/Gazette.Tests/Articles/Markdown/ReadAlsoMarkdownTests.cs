using Gazette.Articles.Markdown;

namespace Gazette.Tests.Articles.Markdown;

public sealed class ReadAlsoMarkdownTests
{
    private static string Render(string markdown) => ArticleMarkdown.Render(markdown).Html;

    [Theory]
    [InlineData("[[read-also: 42]]")]
    [InlineData("[[read-also:42]]")]
    [InlineData("[[lire-aussi : 42]]")]
    [InlineData("[[Read also: 42]]  ")]
    [InlineData("  [[LIRE-AUSSI: 42]]")]
    public void A_read_also_line_with_an_id_becomes_a_placeholder(string line)
    {
        Assert.Equal(ReadAlsoPlaceholder.Html("42"), Render(line).Trim());
    }

    [Theory]
    [InlineData("[[read-also: la-bourse-de-paris-recule]]", "slug:la-bourse-de-paris-recule")]
    [InlineData("[[lire-aussi: La Bourse de Paris recule]]", "slug:la-bourse-de-paris-recule")]
    [InlineData("[[read-also: https://news.example/fr/2026/11/20/la-bourse-de-paris-recule]]", "slug:la-bourse-de-paris-recule")]
    [InlineData("[[read-also: /fr/2026/11/20/la-bourse-de-paris-recule/]]", "slug:la-bourse-de-paris-recule")]
    public void A_read_also_line_with_a_slug_or_a_story_address_keeps_the_slug_without_a_database(string line, string value)
    {
        Assert.Equal(ReadAlsoPlaceholder.Html(value), Render(line).Trim());
    }

    [Fact]
    public void The_placeholder_sits_between_paragraphs()
    {
        var body = Html.Parse(Render("First.\n\n[[read-also: 7]]\n\nSecond."));

        Assert.Equal(["p", "aside", "p"], body.Children.Select(e => e.LocalName));
        Assert.Equal("7", body.QuerySelector("aside.read-also")!.GetAttribute("data-article"));
        Assert.Equal("", body.QuerySelector("aside")!.InnerHtml);
    }

    [Fact]
    public void Inside_a_paragraph_it_stays_text()
    {
        var html = Render("The minister said\n[[read-also: 7]]\nyesterday.");

        Assert.DoesNotContain("<aside", html);
        Assert.Contains("[[read-also: 7]]", html);
    }

    [Fact]
    public void In_a_code_block_it_stays_code()
    {
        Assert.DoesNotContain("<aside", Render("```\n[[read-also: 7]]\n```"));
        Assert.DoesNotContain("<aside", Render("    [[read-also: 7]]"));
    }

    [Fact]
    public void Raw_html_cannot_forge_a_filled_block()
    {
        var body = Html.Parse(Render("<aside class=\"read-also\" data-article=\"7\" onclick=\"x()\"><a href=\"https://evil.example\">Fake</a></aside>"));

        var aside = Assert.Single(body.QuerySelectorAll("aside"));
        Assert.Equal(ReadAlsoPlaceholder.Html("7"), aside.OuterHtml);
    }

    [Fact]
    public void A_malformed_target_is_not_a_placeholder()
    {
        var body = Html.Parse(Render("<aside class=\"read-also\" data-article=\"x&quot; onmouseover=&quot;y\">Hi</aside>"));

        var aside = Assert.Single(body.QuerySelectorAll("aside"));
        Assert.False(aside.HasAttribute("data-article"));
        Assert.False(aside.ClassList.Contains("read-also"));
    }
}
