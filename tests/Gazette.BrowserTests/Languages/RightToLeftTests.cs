using Deque.AxeCore.Playwright;

using Gazette.BrowserTests.Infrastructure;
using Gazette.BrowserTests.Layout;

using static Microsoft.Playwright.Assertions;

namespace Gazette.BrowserTests.Languages;

/// <summary>The Arabic edition and its demo story on a phone: right to left, nothing sideways, nothing axe calls serious.</summary>
public sealed class RightToLeftTests(MultilingualSite site, Chromium chromium) : MultilingualTest(site, chromium)
{
    [Fact]
    public async Task The_arabic_story_is_right_to_left_fits_a_375_px_phone_and_has_no_serious_accessibility_violation()
    {
        await UseEditionsAsync();
        var page = await NewPageAsync(375, 800);
        await page.GotoAsync("/ar/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        var storyPath = (await page.Locator("article.card .card-headline a").First.GetAttributeAsync("href"))!;
        Assert.StartsWith("/ar/", storyPath);

        var problems = new List<string>();
        foreach (var path in new[] { "/ar/", storyPath })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
            if (widths[0] > widths[1])
                problems.Add($"{path}: {widths[0]} px wide in a {widths[1]} px window");
        }
        // The edition's home is a list like every other, which the accessibility suite checks already; the story is the new page type.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var axe = await page.RunAxe();
        TestContext.Current.TestOutputHelper?.WriteLine($"axe on {storyPath}: {started.ElapsedMilliseconds} ms");
        problems.AddRange(axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{storyPath}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        // The text runs from the right: a paragraph's last (short) line ends at the paragraph's right edge, not its left.
        var edges = await page.Locator(".story-body > p").First.EvaluateAsync<double[]>("""
            p => {
                const range = document.createRange();
                range.selectNodeContents(p);
                const lines = range.getClientRects();
                const last = lines[lines.length - 1], box = p.getBoundingClientRect();
                return [last.left, last.right, box.left, box.right];
            }
            """);
        Assert.InRange(edges[1], edges[3] - 2, edges[3] + 1);
        Assert.True(edges[0] > edges[2] + 20, $"the last line starts at {edges[0]}, the paragraph at {edges[2]}: not right-aligned");

        Directory.CreateDirectory(LayoutTests.ScreenshotFolder);
        var file = Path.Combine(LayoutTests.ScreenshotFolder, "story-arabic-375-light.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
