using Deque.AxeCore.Playwright;

using Gazette.BrowserTests.Infrastructure;

using Microsoft.Playwright;

namespace Gazette.BrowserTests.Accessibility;

/// <summary>axe-core on every kind of public page, in light and dark, and on the newsroom's story list and editor.</summary>
public sealed class AxeTests(GazetteProcess site, Chromium chromium) : BrowserTest(site, chromium)
{
    [Fact]
    public async Task Public_pages_have_no_serious_or_critical_violation_in_light_or_dark()
    {
        var page = await NewPageAsync();
        // A demo story of a section: other tests publish stories of their own, without section or tags.
        await page.GotoAsync("/section/economie");
        var storyPath = new Uri(await page.Locator("article.card .card-headline a").First.EvaluateAsync<string>("a => a.href")).AbsolutePath;
        var parts = storyPath.Split('/', StringSplitOptions.RemoveEmptyEntries); // lang/yyyy/mm/dd/slug
        await page.GotoAsync(storyPath);
        var sectionPath = await page.Locator("article.story .kicker a").GetAttributeAsync("href");
        var tagPath = await page.Locator("article.story nav.tags a").First.GetAttributeAsync("href");
        var authorPath = await page.Locator("article.story a[rel=author]").First.GetAttributeAsync("href");
        // The Arabic demo story: a right-to-left page, mirrored.
        await page.GotoAsync("/section/culture");
        var arabicPath = await page.Locator("article.card[lang=ar] .card-headline a").First.GetAttributeAsync("href");

        var problems = new List<string>();
        foreach (var path in new[]
        {
            "/", storyPath, sectionPath!, tagPath!, authorPath!, arabicPath!, $"/archive/{parts[1]}/{parts[2]}",
            "/search?q=port", "/search?q=zzzznothing", "/no-such-page-at-all",
        })
        {
            await page.GotoAsync(path);
            problems.AddRange(await SeriousViolationsAsync(page, path));
        }
        // Dark mode changes colours only: the page types with different elements are enough to check contrast.
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        foreach (var path in new[] { "/", storyPath, sectionPath!, arabicPath!, "/search?q=port", "/no-such-page-at-all" })
        {
            await page.GotoAsync(path);
            problems.AddRange(await SeriousViolationsAsync(page, path + " (dark)"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_newsroom_story_list_and_editor_have_no_serious_or_critical_violation()
    {
        var admin = await Site.AdministratorAsync();
        var page = await NewPageAsync();
        await SignInAsync(page, admin.Email, admin.Password);
        var problems = new List<string>();
        foreach (var path in new[] { "/admin", "/admin/stories", "/admin/stories/new" })
        {
            await page.GotoAsync(path);
            problems.AddRange(await SeriousViolationsAsync(page, path));
        }
        await page.GotoAsync("/admin/stories");
        await page.Locator("table a[href^='/admin/stories/']").First.ClickAsync();
        await page.Locator("textarea[data-markdown-editor]").WaitForAsync();
        problems.AddRange(await SeriousViolationsAsync(page, page.Url));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page, string path)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await page.RunAxe();
        TestContext.Current.TestOutputHelper?.WriteLine($"axe on {path}: {started.ElapsedMilliseconds} ms");
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
    }
}
