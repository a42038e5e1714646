using AngleSharp.Dom;

using Gazette.Articles.Markdown;

namespace Gazette.Tests.Articles.Markdown;

public sealed class FigureTests
{
    private static IElement RenderFigure(string markdown, out IReadOnlyList<MarkdownWarning> warnings)
    {
        var rendering = ArticleMarkdown.Render(markdown);
        warnings = rendering.Warnings;
        var body = Html.Parse(rendering.Html);
        return Assert.Single(body.QuerySelectorAll("figure"));
    }

    [Fact]
    public void A_figure_has_image_caption_and_credit()
    {
        var figure = RenderFigure("""
            Before.

            ::: figure
            ![Fishing boats moored in the harbour at dawn](/media/demo/harbour.jpg)
            The harbour of *Scheveningen*, on Tuesday
            morning.
            Credit: ANP/EPA
            :::

            After.
            """, out var warnings);

        Assert.Empty(warnings);
        Assert.Equal("figure", figure.ClassName);
        var image = Assert.Single(figure.QuerySelectorAll("img"));
        Assert.Equal("/media/demo/harbour.jpg", image.GetAttribute("src"));
        Assert.Equal("Fishing boats moored in the harbour at dawn", image.GetAttribute("alt"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
        var caption = figure.QuerySelector("figcaption .caption")!;
        Assert.Equal("The harbour of Scheveningen, on Tuesday\nmorning.", caption.TextContent);
        Assert.NotNull(caption.QuerySelector("em"));
        Assert.Equal("ANP/EPA", figure.QuerySelector("figcaption .credit")!.TextContent);
        Assert.DoesNotContain("Credit", figure.TextContent);
    }

    [Theory]
    [InlineData("Crédit : AFP")]
    [InlineData("Crédit: AFP")]
    [InlineData("crédit\u202F: AFP")]
    [InlineData("CREDIT: AFP")]
    [InlineData("Crédit photo : AFP")]
    public void The_credit_label_may_be_French_or_English_in_any_case(string creditLine)
    {
        var figure = RenderFigure($"""
            ::: figure
            ![Une manifestation à Paris](/media/demo/paris.jpg)
            Le cortège place de la République.
            {creditLine}
            :::
            """, out _);

        Assert.Equal("AFP", figure.QuerySelector(".credit")!.TextContent);
        Assert.Equal("Le cortège place de la République.", figure.QuerySelector(".caption")!.TextContent);
    }

    [Fact]
    public void A_figure_without_credit_has_only_a_caption()
    {
        var figure = RenderFigure("""
            ::: figure
            ![A map of the delta](/media/demo/map.png)
            The delta in 1953.
            :::
            """, out var warnings);

        Assert.Empty(warnings);
        Assert.Null(figure.QuerySelector(".credit"));
        Assert.Equal("The delta in 1953.", figure.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public void A_figure_with_only_a_credit_has_no_caption_span()
    {
        var figure = RenderFigure("""
            ::: figure
            ![A map of the delta](/media/demo/map.png)
            Credit: Rijkswaterstaat
            :::
            """, out _);

        Assert.Null(figure.QuerySelector(".caption"));
        Assert.Equal("Rijkswaterstaat", figure.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public void A_figure_with_only_an_image_has_no_figcaption()
    {
        var figure = RenderFigure("""
            ::: figure
            ![A map of the delta](/media/demo/map.png)
            :::
            """, out _);

        Assert.Null(figure.QuerySelector("figcaption"));
    }

    [Fact]
    public void A_figure_without_alternative_text_renders_and_warns()
    {
        var figure = RenderFigure("""
            Intro.

            ::: figure
            ![](/media/demo/harbour.jpg)
            The harbour.
            :::
            """, out var warnings);

        Assert.Equal("", figure.QuerySelector("img")!.GetAttribute("alt"));
        var warning = Assert.Single(warnings);
        Assert.Equal(4, warning.Line);
        Assert.Contains("alternative text", warning.Message);
    }

    [Fact]
    public void A_figure_without_image_is_left_as_text_and_warns()
    {
        var rendering = ArticleMarkdown.Render("""
            ::: figure
            Only words here.
            :::
            """);

        Assert.DoesNotContain("<figure", rendering.Html);
        Assert.Contains("Only words here.", rendering.Html);
        Assert.Contains(rendering.Warnings, w => w.Message.Contains("no image"));
    }

    [Fact]
    public void A_line_that_only_mentions_credit_later_stays_in_the_caption()
    {
        var figure = RenderFigure("""
            ::: figure
            ![Bank front](/media/demo/bank.jpg)
            The bank cut credit: lending fell by a tenth.
            :::
            """, out _);

        Assert.Null(figure.QuerySelector(".credit"));
        Assert.Equal("The bank cut credit: lending fell by a tenth.", figure.QuerySelector(".caption")!.TextContent);
    }
}
