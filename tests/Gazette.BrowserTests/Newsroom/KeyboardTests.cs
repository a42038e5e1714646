using Gazette.BrowserTests.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Gazette.BrowserTests.Newsroom;

/// <summary>The editor with the keyboard alone: Tab to reach things, Enter to use them, never the mouse.</summary>
public sealed class KeyboardTests(GazetteProcess site, Chromium chromium) : BrowserTest(site, chromium)
{
    [Fact]
    public async Task A_story_is_written_formatted_and_saved_with_the_keyboard_alone()
    {
        var admin = await Site.AdministratorAsync();
        var page = await NewPageAsync();
        await SignInAsync(page, admin.Email, admin.Password);
        await page.GotoAsync("/admin/stories/new");

        await TabUntilAsync(page, "e => e.id === 'Form_Headline'");
        var headline = $"Écrit au clavier {Guid.NewGuid():N}"[..30];
        await page.Keyboard.TypeAsync(headline);
        await TabUntilAsync(page, "e => e.id === 'Form_Language'");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("fr");

        // The toolbar comes before the body in the tab order; Enter on Bold wraps a placeholder and focuses the body.
        await TabUntilAsync(page, "e => e.tagName === 'BUTTON' && e.textContent === 'Bold'");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Gras");
        Assert.Equal("**Gras**", await page.Locator("textarea[data-markdown-editor]").InputValueAsync());

        await TabUntilAsync(page, "e => e.tagName === 'BUTTON' && e.value === 'save'");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".story-status strong")).ToHaveTextAsync("Draft");
        await Expect(page.Locator("#Form_Headline")).ToHaveValueAsync(headline);
        await Expect(page.Locator("textarea[data-markdown-editor]")).ToHaveValueAsync("**Gras**");

        // Main actions of a saved story: publish, then find it with the keyboard in the story list.
        await TabUntilAsync(page, "e => e.tagName === 'BUTTON' && e.value === 'publish'");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".story-status strong")).ToHaveTextAsync("Published");
        await page.GotoAsync("/admin/stories");
        await TabUntilAsync(page, $"e => e.tagName === 'A' && e.textContent.trim() === {System.Text.Json.JsonSerializer.Serialize(headline)}");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#Form_Headline")).ToHaveValueAsync(headline);
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="isTarget"/> (a JS predicate on it).</summary>
    private static async Task TabUntilAsync(IPage page, string isTarget, int maxPresses = 150)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => {{ const e = document.activeElement; return !!e && ({isTarget})(e); }}"))
                return;
        }
        Assert.Fail($"Tab never reached the element matching {isTarget}");
    }
}
