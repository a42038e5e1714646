using System.Net;
using System.Text.Json;

using AngleSharp.Html.Parser;

using Gazette.Accounts;
using Gazette.Tests.Infrastructure;

using SkiaSharp;

namespace Gazette.Tests.Media;

public abstract class MediaUploadTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task A_photo_is_turned_upright_stripped_of_its_metadata_and_served_in_every_size_for_a_year()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Contributor);
        var name = $"harbour-{Guid.NewGuid():N}.jpg";
        // Stored 2000×1000, left half red; the EXIF orientation 6 says "turn 90° clockwise", so upright it is 1000×2000, red on top.
        var item = await Site.UploadItemAsync(browser, TestImages.WithExifOrientation(TestImages.Jpeg(2000, 1000), 6), name, "Boats in the harbour at dawn");

        Assert.Equal((1000, 2000), (item.Width, item.Height));
        Assert.Equal("480,960,1000", item.VariantWidths);
        Assert.Equal("image/jpeg", item.ContentType);
        Assert.Equal("Boats in the harbour at dawn", item.AltText);

        foreach (var file in new[] { "480.webp", "480.jpg", "960.webp", "960.jpg", "1000.webp", "1000.jpg" })
        {
            var response = await Reader.GetAsync($"/media/lib/{item.StorageKey}/{file}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.Equal(file.EndsWith(".webp") ? "image/webp" : "image/jpeg", response.Content.Headers.ContentType?.MediaType);
        }

        var largest = await Reader.GetByteArrayAsync($"/media/lib/{item.StorageKey}/1000.jpg", TestContext.Current.CancellationToken);
        Assert.False(TestImages.HasExif(largest));
        Assert.Equal(-1, largest.AsSpan().IndexOf("GPS\0"u8));
        using var decoded = SKBitmap.Decode(largest);
        Assert.Equal((1000, 2000), (decoded.Width, decoded.Height));
        // Averaged over a patch: the test image carries random white specks, and one may fall on any single pixel.
        var top = MeanColour(decoded, 500, 300);
        var bottom = MeanColour(decoded, 500, 1700);
        Assert.True(top.Red > 200 && top.Blue < 80, $"the top half should be the red one ({top})");
        Assert.True(bottom.Blue > 200 && bottom.Red < 80, $"the bottom half should be the blue one ({bottom})");
    }

    private static (double Red, double Blue) MeanColour(SKBitmap bitmap, int x, int y)
    {
        double red = 0, blue = 0, count = 0;
        for (var dx = -10; dx <= 10; dx++)
        {
            for (var dy = -10; dy <= 10; dy++)
            {
                var pixel = bitmap.GetPixel(x + dx, y + dy);
                red += pixel.Red;
                blue += pixel.Blue;
                count++;
            }
        }
        return (red / count, blue / count);
    }

    [Fact]
    public async Task A_small_image_gets_no_variant_wider_than_itself_and_a_GIF_becomes_PNG()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Author);
        // A 1×1 GIF89a, the classic spacer.
        var gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
        var item = await Site.UploadItemAsync(browser, gif, $"spacer-{Guid.NewGuid():N}.gif");
        Assert.Equal("image/gif", item.ContentType);
        Assert.Equal("1", item.VariantWidths);
        var small = await Site.UploadItemAsync(browser, TestImages.Jpeg(300, 200), $"small-{Guid.NewGuid():N}.jpg");
        Assert.Equal("300", small.VariantWidths);
        var png = await Reader.GetAsync($"/media/lib/{item.StorageKey}/1.png", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_PNG_keeps_PNG_variants_next_to_the_WebP_ones()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Author);
        var item = await Site.UploadItemAsync(browser, TestImages.Png(1000 + Random.Shared.Next(500), 700), $"chart-{Guid.NewGuid():N}.png");
        Assert.Equal("image/png", item.ContentType);
        Assert.Equal("480,960", item.VariantWidths[..7]);
        var response = await Reader.GetAsync($"/media/lib/{item.StorageKey}/960.png", TestContext.Current.CancellationToken);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_type_comes_from_the_bytes_so_a_JPEG_named_png_is_stored_as_a_JPEG()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Contributor);
        var item = await Site.UploadItemAsync(browser, TestImages.Jpeg(640, 480), $"misnamed-{Guid.NewGuid():N}.png");
        Assert.Equal("image/jpeg", item.ContentType);
    }

    public static TheoryData<string, string> HostileFiles => new()
    {
        { "truncated-jpeg", "damaged or incomplete" },
        { "huge-png", "100,000 × 100,000 pixels" },
        { "bomb-png", "largest accepted is 12,000 pixels a side and 50 megapixels" },
        { "text-named-jpg", "this file is a text file" },
        { "svg", "SVG drawing" },
        { "pdf", "PDF document" },
        { "wrong-magic", "Only JPEG, PNG, WebP and GIF images can be uploaded" },
        { "empty", "The file is empty." },
        { "just-over-limit", "the largest accepted is 20 MB" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Hostile_and_wrong_files_are_refused_on_the_form_and_nothing_is_stored(string kind, string message)
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Author);
        var bytes = Hostile(kind);
        var name = $"{kind}-{Guid.NewGuid():N}.jpg";

        var response = await browser.UploadAsync(bytes, name);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 1500)]}");
        var document = new HtmlParser().ParseDocument(body);
        var error = document.QuerySelector("[data-valmsg-for='Form.File']")?.TextContent ?? "";
        Assert.Contains(message, error);
        Assert.Null(await Site.FindByFileNameAsync(name));
        Assert.False(Directory.Exists(Site.FolderFor(bytes)));
        Assert.Empty(Directory.Exists(Site.LibraryFolder()) ? Directory.GetDirectories(Site.LibraryFolder(), ".upload-*") : []);
    }

    [Theory]
    [InlineData("pdf", "Seules les images JPEG, PNG, WebP et GIF peuvent être envoyées ; ce fichier est un document PDF.")]
    [InlineData("svg", "un dessin SVG")]
    [InlineData("empty", "Le fichier est vide.")]
    [InlineData("truncated-jpeg", "endommagé ou incomplet")]
    [InlineData("huge-png", "Cette image fait 100\u202F000 × 100\u202F000 pixels ; la taille maximale acceptée est de 12\u202F000 pixels de côté et 50 mégapixels au total.")]
    [InlineData("just-over-limit", "Le fichier fait 20 Mo ; la taille maximale acceptée est de 20 Mo.")]
    public async Task Refusals_are_given_in_the_newsroom_language(string kind, string message)
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Author);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");
        var name = $"{kind}-{Guid.NewGuid():N}.jpg";

        var response = await browser.UploadAsync(Hostile(kind), name);

        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var error = document.QuerySelector("[data-valmsg-for='Form.File']")?.TextContent ?? "";
        // French groups thousands with a narrow no-break space, or a no-break one depending on the ICU version.
        Assert.Contains(message, error.Replace('\u00A0', '\u202F'));
        foreach (var english in new[] { "Only JPEG", "The file", "This image", "This file", "damaged", "largest accepted" })
            Assert.DoesNotContain(english, error);
        Assert.Null(await Site.FindByFileNameAsync(name));
    }

    [Fact]
    public async Task Alt_text_is_required_at_upload()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Author);
        var name = $"no-alt-{Guid.NewGuid():N}.jpg";
        var response = await browser.UploadAsync(TestImages.Jpeg(320, 240), name, alt: "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("alternative text is required", document.QuerySelector("[data-valmsg-for='Form.AltText']")?.TextContent);
        Assert.Null(await Site.FindByFileNameAsync(name));
    }

    [Fact]
    public async Task A_body_far_over_the_limit_is_not_read_and_the_form_says_why()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Author);
        var response = await browser.UploadAsync(new byte[23 * 1024 * 1024], $"huge-{Guid.NewGuid():N}.jpg");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await browser.GetStringAsync(response.Headers.Location!.OriginalString, TestContext.Current.CancellationToken);
        Assert.Contains("larger than the 20 MB limit", page);
    }

    [Fact]
    public async Task The_same_file_twice_leads_to_the_image_already_in_the_library()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Author);
        var bytes = TestImages.Jpeg(500, 400, quality: 77);
        var first = await Site.UploadItemAsync(browser, bytes, $"twice-{Guid.NewGuid():N}.jpg");
        var again = await browser.UploadAsync(bytes, "again.jpg");
        Assert.Equal($"/admin/media/{first.Id}?duplicate=true", again.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_picker_endpoint_finds_images_by_their_words()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Contributor);
        var word = $"lighthouse{Guid.NewGuid():N}"[..20];
        var item = await Site.UploadItemAsync(browser, TestImages.Jpeg(1800, 1200), $"{word}.jpg", $"A {word} in fog");

        var json = await browser.GetStringAsync($"/admin/api/media?q={word.ToUpperInvariant()}", TestContext.Current.CancellationToken);

        var found = JsonDocument.Parse(json).RootElement.EnumerateArray().Single();
        Assert.Equal(item.Id, found.GetProperty("id").GetInt32());
        Assert.Equal($"/media/lib/{item.StorageKey}/1600.jpg", found.GetProperty("url").GetString());
        Assert.Equal($"A {word} in fog", found.GetProperty("alt").GetString());
        Assert.Equal(1600, found.GetProperty("width").GetInt32());
        Assert.Equal(1067, found.GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task A_story_with_a_library_figure_gets_a_responsive_eager_lead_picture()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Editor);
        var item = await Site.UploadItemAsync(browser, TestImages.Jpeg(2400, 1600), $"lead-{Guid.NewGuid():N}.jpg", "Library alt");
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Figure from the library"), a =>
            a.FeaturedFigure = new Gazette.Media.Figure { ImageUrl = $"/media/lib/{item.StorageKey}/1600.jpg", AltText = "The story's own alt", MediaId = item.Id });

        var document = await Reader.GetDocumentAsync(await Site.PathOfAsync(story));

        var source = document.QuerySelector(".lead-figure picture source[type='image/webp']");
        Assert.NotNull(source);
        Assert.Contains($"/media/lib/{item.StorageKey}/960.webp 960w", source.GetAttribute("srcset"));
        var img = document.QuerySelector(".lead-figure picture img")!;
        Assert.Equal("The story's own alt", img.GetAttribute("alt"));
        Assert.Equal(("1600", "1067"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("high", img.GetAttribute("fetchpriority"));
        Assert.Equal("eager", img.GetAttribute("loading"));
        Assert.Contains("480w", img.GetAttribute("srcset"));
        Assert.NotNull(img.GetAttribute("sizes"));
    }

    [Fact]
    public async Task The_crafted_PNG_is_well_formed_so_only_its_size_gets_the_big_ones_refused()
    {
        var image = await Gazette.Media.ImageProcessor.ProcessAsync(TestImages.PngDeclaring(64, 48, zeroBytes: 48 * 65), TestContext.Current.CancellationToken);
        Assert.Equal((64, 48), (image.Width, image.Height));
    }

    private static byte[] Hostile(string kind) => kind switch
    {
        "truncated-jpeg" => TestImages.Jpeg(1200, 900)[..20_000],
        "huge-png" => TestImages.PngDeclaring(100_000, 100_000),
        // 64 MB of zeros compresses to about 64 KB: small upload, 8,000 × 8,000 once decoded.
        "bomb-png" => TestImages.PngDeclaring(8_000, 8_000, zeroBytes: 8_000L * 8_001),
        "text-named-jpg" => TestImages.Text("Dear editor,\nplease find attached my photo.\n"),
        "svg" => TestImages.Text("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"),
        "pdf" => TestImages.Text("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"),
        "wrong-magic" => [0x00, .. TestImages.Png(64, 64)[1..]],
        "empty" => [],
        "just-over-limit" => [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[20 * 1024 * 1024 - 3]],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

public sealed class MediaUploadTestsOnSqlite(SqliteSite site) : MediaUploadTests(site);

public sealed class MediaUploadTestsOnPostgres(PostgresSite site) : MediaUploadTests(site);
