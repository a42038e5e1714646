using Gazette.BrowserTests.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Gazette.BrowserTests.Security;

/// <summary>
/// The Content-Security-Policy (src/Gazette/Security/SecurityHeaders.cs) as Chromium applies it: Gazette's own pages
/// break none of it, and what does break it is refused, said on the console and reported to the newsroom.
/// </summary>
public sealed class CspTests(GazetteProcess site, Chromium chromium) : BrowserTest(site, chromium)
{
    private const string Story = "Éolien en mer : le parc des Bancs de Sorle injecte ses premiers mégawatts";

    /// <summary>Every console message and page error that speaks of the policy, from now on.</summary>
    private static List<string> Watch(IPage page)
    {
        var said = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (said) said.Add($"{page.Url}: {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) =>
        {
            if (error.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (said) said.Add($"{page.Url}: page error: {error}");
        };
        return said;
    }

    [Fact]
    public async Task The_home_page_a_story_search_and_the_newsroom_break_no_policy()
    {
        var page = await NewPageAsync();
        var said = Watch(page);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = Story }).First.ClickAsync();
        await Expect(page.Locator("article.story h1")).ToHaveTextAsync(Story);
        // The story's JSON-LD is a <script type="application/ld+json">: data, never run, so script-src leaves it alone.
        Assert.True(await page.Locator("script[type='application/ld+json']").CountAsync() > 0, "the story has no JSON-LD to check");
        // Its comment form's script (Comments/_CommentForm) runs under the policy too.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.GotoAsync("/search?q=port");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var admin = await Site.AdministratorAsync();
        await SignInAsync(page, admin.Email, admin.Password);
        await page.GotoAsync("/admin");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The story editor carries the newsroom's biggest script.
        await page.GotoAsync("/admin/stories/new");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync("/admin/csp");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        lock (said)
            Assert.True(said.Count == 0, "the Content-Security-Policy was broken:\n" + string.Join("\n", said));
    }

    [Fact]
    public async Task An_inline_script_is_refused_said_on_the_console_and_counted_for_the_newsroom()
    {
        var page = await NewPageAsync();
        var said = Watch(page);
        await page.GotoAsync("/search?q=csp");
        // What an injected script would look like: Chromium must refuse it, or the test above proves nothing.
        await page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = 'window.ranInline = true;'; document.body.append(s); }
            """);
        Assert.False(await page.EvaluateAsync<bool>("() => window.ranInline === true"), "an inline script ran");
        Assert.True(said.Count > 0, "Chromium said nothing of the refused inline script");

        var admin = await Site.AdministratorAsync();
        var newsroom = await NewPageAsync();
        await SignInAsync(newsroom, admin.Email, admin.Password);
        // Chromium sends the report (report-uri) in the background, a moment later.
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await newsroom.GotoAsync("/admin/csp");
            if (await newsroom.Locator("table.csp-reports td code", new() { HasText = "/search" }).CountAsync() > 0)
                break;
            await Task.Delay(500, Cancellation);
        }
        await Expect(newsroom.Locator("table.csp-reports tr", new() { HasText = "/search" }).First).ToContainTextAsync("inline");
    }
}
