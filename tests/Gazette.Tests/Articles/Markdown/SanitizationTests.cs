using Gazette.Articles.Markdown;

namespace Gazette.Tests.Articles.Markdown;

/// <summary>A journalist's account can be stolen and imports come from anywhere: nothing in a body may run script.</summary>
public sealed class SanitizationTests
{
    private static string Render(string markdown) => ArticleMarkdown.Render(markdown).Html;

    public static TheoryData<string> HostileInputs =>
    [
        "<script>alert(1)</script>",
        "Text <script src=\"https://evil.example/x.js\"></script> more",
        "<img src=\"/x.jpg\" alt=\"x\" onerror=\"alert(1)\">",
        "<p onclick=\"alert(1)\">Click</p>",
        "<a href=\"javascript:alert(1)\">link</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">link</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">link</a>",
        "<a href=\"vbscript:msgbox(1)\">link</a>",
        "[link](javascript:alert(1))",
        "[link](<javascript:alert(1)>)",
        "![x](javascript:alert(1))",
        "<img src=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+\" alt=\"x\">",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<style>body { display: none }</style>",
        "<p style=\"background:url(javascript:alert(1))\">styled</p>",
        "<form action=\"https://evil.example\"><input name=\"password\"><button>Go</button></form>",
        "<svg onload=\"alert(1)\"><circle r=\"1\"/></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
    ];

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Hostile_markup_cannot_run_or_load_anything(string markdown)
    {
        var body = Html.Parse(Render(markdown));

        foreach (var tag in new[] { "script", "style", "iframe", "object", "embed", "form", "input", "button", "svg", "math", "base", "meta", "link" })
            Assert.Empty(body.QuerySelectorAll(tag));
        foreach (var element in body.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.LocalName} keeps {attribute.Name}");
                Assert.NotEqual("style", attribute.Name);
                var value = attribute.Value.Trim();
                Assert.False(value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{attribute.Name}={value}");
                Assert.False(value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase), $"{attribute.Name}={value}");
                Assert.False(value.StartsWith("data:", StringComparison.OrdinalIgnoreCase), $"{attribute.Name}={value}");
            }
        }
    }

    [Fact]
    public void A_javascript_link_in_Markdown_keeps_its_text_but_loses_its_target()
    {
        var link = Html.Parse(Render("See [the report](javascript:alert(document.cookie)).")).QuerySelector("a");

        Assert.True(link is null || !link.HasAttribute("href"));
        Assert.Contains("the report", Render("See [the report](javascript:alert(document.cookie))."));
    }

    [Fact]
    public void What_a_story_needs_survives()
    {
        var body = Html.Parse(Render("""
            A paragraph with *emphasis*, **strong**, `code`, ~~struck~~ and a [link](https://example.org/a "Title").

            > A quote.

            - one
            - two

            1. first
            2. second

            | Party | Seats |
            |-------|------:|
            | A     | 12    |

            ```
            code block
            ```

            <p lang="nl">Een zin in het Nederlands.</p>

            A note.[^1]

            [^1]: The footnote.
            """));

        foreach (var selector in new[] { "p em", "p strong", "p code", "p del", "blockquote p", "ul li", "ol li", "table thead th", "table tbody td", "pre code", "p[lang=nl]", "sup", ".footnotes li" })
            Assert.NotNull(body.QuerySelector(selector));
        var link = body.QuerySelector("a[href='https://example.org/a']")!;
        Assert.Equal("Title", link.GetAttribute("title"));
    }

    [Fact]
    public void External_links_get_noopener_and_internal_links_do_not()
    {
        var body = Html.Parse(Render("[out](https://example.org/) [raw out](<https://example.org/raw>) <a href=\"http://example.org/\" rel=\"opener\">html</a> [in](/fr/2026/01/02/story)"));

        Assert.All(body.QuerySelectorAll("a[href^='http']"), a => Assert.Equal("noopener", a.GetAttribute("rel")));
        Assert.Equal(3, body.QuerySelectorAll("a[href^='http']").Length);
        Assert.False(body.QuerySelector("a[href^='/fr']")!.HasAttribute("rel"));
    }

    [Fact]
    public void Mail_links_are_allowed()
    {
        Assert.NotNull(Html.Parse(Render("[Write to us](mailto:desk@example.org)")).QuerySelector("a[href='mailto:desk@example.org']"));
    }

    [Fact]
    public void Ids_that_could_collide_with_the_page_are_dropped()
    {
        var body = Html.Parse(Render("<p id=\"main\">x</p> <span id=\"content\">y</span>"));

        Assert.Empty(body.QuerySelectorAll("[id]"));
    }

    [Fact]
    public void Classes_outside_the_allow_list_are_dropped()
    {
        var body = Html.Parse(Render("<p class=\"site-header visually-hidden\">x</p>"));

        Assert.False(body.QuerySelector("p")!.HasAttribute("class"));
    }

    [Fact]
    public void Markdown_headings_move_down_one_level_because_the_headline_is_the_h1()
    {
        var body = Html.Parse(Render("""
            # Top
            ## Second
            ##### Fifth
            ###### Sixth
            <h1>Raw top</h1>
            """));

        Assert.Empty(body.QuerySelectorAll("h1"));
        Assert.Equal(["Top", "Raw top"], body.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal("Second", body.QuerySelector("h3")!.TextContent);
        Assert.Equal(["Fifth", "Sixth"], body.QuerySelectorAll("h6").Select(h => h.TextContent));
    }

    [Fact]
    public void Setext_headings_move_down_too()
    {
        var body = Html.Parse(Render("Title\n=====\n\nSub\n---"));

        Assert.Equal("Title", body.QuerySelector("h2")!.TextContent);
        Assert.Equal("Sub", body.QuerySelector("h3")!.TextContent);
    }

    [Fact]
    public void Empty_or_missing_Markdown_gives_empty_html()
    {
        Assert.Equal("", Render(""));
        Assert.Equal("", ArticleMarkdown.Render(null!).Html);
    }

    [Fact]
    public void Images_outside_figures_without_alternative_text_warn()
    {
        var rendering = ArticleMarkdown.Render("Text.\n\n![](/media/x.jpg)\n\n![A described picture](/media/y.jpg)");

        var warning = Assert.Single(rendering.Warnings);
        Assert.Equal(3, warning.Line);
    }
}
