using Gazette.Accounts;
using Gazette.Media;
using Gazette.Tests.Infrastructure;
using Gazette.Tests.Media;

namespace Gazette.Tests.Articles;

/// <summary>A <c>::: figure</c> in a story's body that shows a library image gets the responsive markup of the lead figure.</summary>
public abstract class BodyFigureTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task A_body_figure_of_a_library_image_has_every_variant_its_size_and_lazy_loading()
    {
        var (admin, _) = await Site.SignedInAsAsync(Roles.Author);
        var item = await Site.UploadItemAsync(admin, TestImages.Jpeg(2000, 1000), $"body-{Guid.NewGuid():N}.jpg", alt: "The library's own alt");
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Body figure"), a => a.BodyMarkdown = $"""
            First paragraph.

            ::: figure
            ![Gulls over the harbour wall](/media/lib/{item.StorageKey}/480.jpg)
            The harbour at dawn.
            Credit: Test Agency
            :::

            ::: figure
            ![Somewhere else](https://example.org/picture.jpg)
            :::
            """);

        var page = await Site.CreateReader().GetDocumentAsync(await Site.PathOfAsync(article));
        var figures = page.QuerySelectorAll(".story-body figure");
        Assert.Equal(2, figures.Length);

        var library = figures[0];
        var img = library.QuerySelector("picture > img")!;
        var (width, height) = MediaFiles.DefaultSize(item);
        Assert.Equal("Gulls over the harbour wall", img.GetAttribute("alt"));
        Assert.Equal(MediaFiles.DefaultUrl(item), img.GetAttribute("src"));
        Assert.Equal(width.ToString(), img.GetAttribute("width"));
        Assert.Equal(height.ToString(), img.GetAttribute("height"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal(FigureRendererSizes, img.GetAttribute("sizes"));
        foreach (var variant in MediaFiles.Widths(item))
            Assert.Contains($"{MediaFiles.VariantUrl(item, variant, "jpg")} {variant}w", img.GetAttribute("srcset"));
        var webp = library.QuerySelector("picture > source[type='image/webp']")!;
        Assert.Contains(MediaFiles.VariantUrl(item, MediaFiles.Widths(item)[0], "webp"), webp.GetAttribute("srcset"));
        Assert.Equal("Test Agency", library.QuerySelector(".credit")!.TextContent);

        // Any other address keeps a plain lazy image.
        var plain = figures[1].QuerySelector("img")!;
        Assert.Null(figures[1].QuerySelector("picture"));
        Assert.Equal("https://example.org/picture.jpg", plain.GetAttribute("src"));
        Assert.Equal("lazy", plain.GetAttribute("loading"));
    }

    [Fact]
    public async Task A_srcset_typed_in_raw_html_cannot_point_outside_the_media_library()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Raw srcset"), a => a.BodyMarkdown =
            "<img src=\"/media/demo/harbour.jpg\" alt=\"x\" srcset=\"https://tracker.example/pixel.gif 1w\" sizes=\"100vw\">");

        var page = await Site.CreateReader().GetDocumentAsync(await Site.PathOfAsync(article));

        var img = page.QuerySelector(".story-body img")!;
        Assert.Null(img.GetAttribute("srcset"));
        Assert.Null(img.GetAttribute("sizes"));
    }

    private const string FigureRendererSizes = Gazette.Articles.Markdown.FigureRenderer.BodyImageSizes;
}

public sealed class BodyFigureTestsOnSqlite(SqliteSite site) : BodyFigureTests(site);

public sealed class BodyFigureTestsOnPostgres(PostgresSite site) : BodyFigureTests(site);
