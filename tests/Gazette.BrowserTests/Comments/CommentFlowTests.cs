using Gazette.BrowserTests.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Gazette.BrowserTests.Comments;

/// <summary>A reader's comment from the story page to the moderation queue and back, with the mouse and with the keyboard alone.</summary>
public sealed class CommentFlowTests(GazetteProcess site, Chromium chromium) : BrowserTest(site, chromium)
{
    [Fact]
    public async Task A_readers_comment_waits_for_moderation_an_editor_approves_it_and_it_appears()
    {
        var admin = await Site.AdministratorAsync();
        var adminPage = await NewPageAsync();
        await SignInAsync(adminPage, admin.Email, admin.Password);
        var storyPath = await PublishArticleAsync(adminPage, "Ferry timetable comment flow");
        var (editor, _) = await NewColleagueAsync(adminPage, "Editor", "Morgane Moderatrice");

        var reader = await NewPageAsync();
        await reader.GotoAsync(storyPath);
        var text = $"The seven o'clock ferry suits our family much better, thank you ({Guid.NewGuid():N})."[..80];
        var form = reader.Locator("form#comment-form");
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync("Rosalie Lectrice");
        await form.GetByLabel("E-mail", new() { Exact = true }).FillAsync($"rosalie-{Guid.NewGuid():N}@example.org");
        await form.GetByLabel("Your comment").FillAsync(text);
        await form.GetByLabel("I agree that this site stores").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();

        await reader.WaitForURLAsync("**comment=held**");
        await Expect(reader.Locator(".comment-notice")).ToContainTextAsync("awaits moderation");
        await Expect(reader.Locator(".comment-text", new() { HasText = text })).ToHaveCountAsync(0);

        await editor.GotoAsync("/admin/comments?status=Pending");
        var item = editor.Locator(".moderation-item", new() { HasText = text });
        await Expect(item).ToHaveCountAsync(1);
        // Held because it is this address's first comment (the site's default), not because the filter disliked it.
        await Expect(item.Locator(".spam-reasons")).ToContainTextAsync("first comment of this address");
        await Expect(item.Locator(".spam-reasons")).Not.ToContainTextAsync("after the form was shown");
        await item.Locator("input[name=ids]").CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Expect(editor.Locator(".form-notice")).ToContainTextAsync("1 comment: approved");
        await Expect(editor.Locator(".moderation-item", new() { HasText = text })).ToHaveCountAsync(0);

        await reader.GotoAsync(storyPath);
        var shown = reader.Locator("#comments .comment", new() { HasText = text });
        await Expect(shown).ToBeVisibleAsync();
        await Expect(shown.Locator(".comment-author")).ToHaveTextAsync("Rosalie Lectrice");
        await Expect(reader.Locator("#comments")).Not.ToContainTextAsync("@example.org");
    }

    [Fact]
    public async Task A_reader_fills_and_sends_the_comment_form_with_the_keyboard_alone_in_a_sensible_order()
    {
        var admin = await Site.AdministratorAsync();
        var adminPage = await NewPageAsync();
        await SignInAsync(adminPage, admin.Email, admin.Password);
        var storyPath = await PublishArticleAsync(adminPage, "Harbour lights keyboard comment");

        var reader = await NewPageAsync();
        await reader.GotoAsync(storyPath);
        var text = $"Typed without a mouse, every key of it ({Guid.NewGuid():N})."[..60];

        // From the top of the story, Tab reaches the form's first field; each further Tab goes to the next thing a
        // reader needs, in reading order, and skips the hidden trap field.
        await TabUntilAsync(reader, "#comment-name");
        await reader.Keyboard.TypeAsync("Kim Clavier");
        await TabToAsync(reader, "#comment-email");
        await reader.Keyboard.TypeAsync($"kim-{Guid.NewGuid():N}@example.org");
        await TabToAsync(reader, "#comment-website");
        await reader.Keyboard.TypeAsync("https://kim.example/");
        await TabToAsync(reader, "#comment-text");
        await reader.Keyboard.TypeAsync(text);
        await TabToAsync(reader, "#comment-privacy a");
        await TabToAsync(reader, "input[name='Form.Consent']");
        await reader.Keyboard.PressAsync("Space");
        await Expect(reader.Locator("input[name='Form.Consent']")).ToBeCheckedAsync();
        await TabToAsync(reader, "input[name='Form.NotifyReplies']");
        await TabToAsync(reader, "#comment-form button[type=submit]");
        Assert.Equal("", await reader.Locator("#comment-extra").InputValueAsync());
        await reader.Keyboard.PressAsync("Enter");

        await reader.WaitForURLAsync("**comment=held**");
        await Expect(reader.Locator(".comment-notice")).ToContainTextAsync("awaits moderation");
    }

    /// <summary>Publishes a story through the editor (in English, so the form's labels are the English ones); returns its public path.</summary>
    private static async Task<string> PublishArticleAsync(IPage page, string words)
    {
        await page.GotoAsync("/admin/stories/new");
        await page.Locator("#Form_Headline").FillAsync($"{words} {Guid.NewGuid():N}"[..(words.Length + 9)]);
        await page.Locator("#Form_Language").FillAsync("en");
        await page.Locator("textarea[data-markdown-editor]").FillAsync("The harbour authority changed the timetable this week.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Expect(page.Locator(".story-status strong")).ToHaveTextAsync("Published");
        var path = await page.GetByRole(AriaRole.Link, new() { Name = "View on the site" }).GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(path));
        return path!;
    }

    private static Task<bool> FocusedIsAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector);

    /// <summary>One Tab, which must land on <paramref name="selector"/>: the focus order is part of what is tested.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 120) : 'nothing'; }");
        Assert.True(await FocusedIsAsync(page, selector), $"after Tab the focus is on {focused}, not {selector}");
    }

    private static async Task TabUntilAsync(IPage page, string selector, int maxPresses = 200)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await FocusedIsAsync(page, selector))
                return;
        }
        Assert.Fail($"Tab never reached {selector}");
    }
}
