using Gazette.BrowserTests.Infrastructure;

using Microsoft.Playwright;

namespace Gazette.BrowserTests.Layout;

/// <summary>Screenshots for people to look at, and the two layout rules a machine can check.</summary>
public sealed class LayoutTests(GazetteProcess site, Chromium chromium) : BrowserTest(site, chromium)
{
    /// <summary>The test output folder's screenshots (bin/…/TestResults/screenshots), kept after the run.</summary>
    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [Fact]
    public async Task Home_and_story_are_photographed_at_phone_and_desktop_width_in_light_and_dark()
    {
        var storyPath = await ArticlePathAsync();
        Directory.CreateDirectory(ScreenshotFolder);
        foreach (var width in new[] { 375, 1280 })
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                var page = await NewPageAsync(width, 900, scheme);
                foreach (var (name, path) in new[] { ("home", "/"), ("story", storyPath) })
                {
                    await page.GotoAsync(path);
                    var file = Path.Combine(ScreenshotFolder, $"{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png");
                    await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                    Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
                }
                await page.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task The_arabic_story_is_mirrored_the_masthead_starts_on_the_right_and_the_quote_rule_is_on_the_right()
    {
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync("/section/culture");
        await page.GotoAsync((await page.Locator("article.card[lang=ar] .card-headline a").First.GetAttributeAsync("href"))!);

        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        var title = (await page.Locator(".site-title").BoundingBoxAsync())!;
        var search = (await page.Locator(".site-search").BoundingBoxAsync())!;
        Assert.True(title.X > search.X, $"site title at x={title.X}, search at x={search.X}: the masthead is not mirrored");
        var headline = (await page.Locator(".story-headline").BoundingBoxAsync())!;
        var body = (await page.Locator(".story-body > p").First.BoundingBoxAsync())!;
        // Right-aligned text: the paragraph's right edge is where the headline's is.
        Assert.InRange(body.X + body.Width, headline.X + headline.Width - 2, headline.X + headline.Width + 2);
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "story-arabic-1280-light.png"), FullPage = true });
    }

    [Fact]
    public async Task Nothing_scrolls_sideways_on_a_375_px_phone()
    {
        var storyPath = await ArticlePathAsync();
        var page = await NewPageAsync(375, 800);
        var tooWide = new List<string>();
        foreach (var path in new[] { "/", storyPath, "/section/economie", "/section/culture", "/search?q=port", "/no-such-page" })
        {
            await page.GotoAsync(path);
            var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
            var (scrollWidth, innerWidth) = (widths[0], widths[1]);
            if (scrollWidth > innerWidth)
                tooWide.Add($"{path}: {scrollWidth} px wide in a {innerWidth} px window");
        }
        Assert.True(tooWide.Count == 0, string.Join("\n", tooWide));
    }

    [Fact]
    public async Task The_story_text_column_holds_45_to_90_characters_a_line_on_a_desktop()
    {
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(await ArticlePathAsync());
        // Column width over the average width of a character of the paragraph's own text in its own font.
        var characters = await page.Locator(".story-body > p").First.EvaluateAsync<double>("""
            p => {
                const style = getComputedStyle(p);
                const context = document.createElement("canvas").getContext("2d");
                context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
                const text = p.textContent.trim();
                const average = context.measureText(text).width / text.length;
                const width = p.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                return width / average;
            }
            """);
        Assert.InRange(characters, 45, 90);
    }

    private async Task<string> ArticlePathAsync()
    {
        var page = await NewPageAsync();
        // A demo story (long paragraphs, figures): other tests publish short stories of their own.
        await page.GotoAsync("/section/economie");
        var href = await page.Locator("article.card .card-headline a").First.EvaluateAsync<string>("a => a.href");
        await page.Context.CloseAsync();
        return new Uri(href).AbsolutePath;
    }
}
