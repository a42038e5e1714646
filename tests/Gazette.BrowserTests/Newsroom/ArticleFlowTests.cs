using System.Globalization;
using System.Text.RegularExpressions;

using Gazette.BrowserTests.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Gazette.BrowserTests.Newsroom;

public sealed partial class ArticleFlowTests(GazetteProcess site, Chromium chromium) : BrowserTest(site, chromium)
{
    [Fact]
    public async Task An_administrator_from_the_cli_writes_previews_and_schedules_a_story_that_appears_at_its_time()
    {
        var admin = await Site.CreateAdministratorAsync("Cli Administrator");
        var page = await NewPageAsync();
        await SignInAsync(page, admin.Email, admin.Password);
        await page.GotoAsync("/admin/stories/new");
        var headline = $"Les phoques reviennent sur la grève {Guid.NewGuid():N}"[..48];
        await page.Locator("#Form_Headline").FillAsync(headline);
        await page.Locator("#Form_Language").FillAsync("fr");
        var body = page.Locator("textarea[data-markdown-editor]");
        await body.FillAsync("Une colonie d’une trentaine de phoques veaux-marins a été comptée dimanche sur la grève.\n\n");
        await body.PressAsync("End");

        // The toolbar's figure block, its placeholder address then replaced as a journalist would.
        await page.GetByRole(AriaRole.Toolbar, new() { Name = "Formatting" }).GetByRole(AriaRole.Button, new() { Name = "Figure" }).ClickAsync();
        var markdown = await body.InputValueAsync();
        Assert.Contains("::: figure", markdown);
        await body.FillAsync(markdown.Replace("/media/…", "/media/demo/harbour.jpg", StringComparison.Ordinal)
            .Replace("\nCaption\n", "\nLa grève à marée basse.\n", StringComparison.Ordinal)
            .Replace("Credit: \n", "Credit: Gazette/Studio\n", StringComparison.Ordinal));
        await body.PressAsync("Control+End");

        // The read-also picker searches headlines and inserts the chosen story.
        var picker = page.GetByRole(AriaRole.Searchbox, new() { Name = "Read also: search stories by headline" });
        await picker.FillAsync("Port-Aurel");
        await page.Locator(".read-also-results button", new() { HasText = "terminal à conteneurs" }).ClickAsync();
        Assert.Matches(@"\[\[read-also: \d+\]\]", await body.InputValueAsync());

        var preview = await page.RunAndWaitForPopupAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync());
        await Expect(preview.Locator("article.story h1")).ToHaveTextAsync(headline);
        await Expect(preview.Locator(".story-body figure img")).ToHaveAttributeAsync("src", "/media/demo/harbour.jpg");
        await Expect(preview.Locator(".story-body figure .credit")).ToHaveTextAsync("Gazette/Studio");
        await Expect(preview.Locator(".story-body aside.read-also a")).ToContainTextAsync("terminal à conteneurs");
        await preview.CloseAsync();

        // The form takes minutes, as a newsroom schedules; the next whole minute leaves the scheduler a few seconds.
        var zoneId = ZoneInLegend().Match((await page.Locator("fieldset.schedule legend").TextContentAsync())!).Groups[1].Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var nowUtc = DateTime.UtcNow;
        var due = new DateTime(nowUtc.Ticks - nowUtc.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(1);
        if (due - nowUtc < TimeSpan.FromSeconds(12))
            due = due.AddMinutes(1);
        var local = TimeZoneInfo.ConvertTimeFromUtc(due, zone);
        await page.Locator("#Form_ScheduleDate").FillAsync(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#Form_ScheduleTime").FillAsync(local.ToString("HH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Expect(page.Locator(".story-status strong")).ToHaveTextAsync("Scheduled");

        var reader = await NewPageAsync();
        await reader.GotoAsync("/");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = headline })).ToHaveCountAsync(0);
        while (DateTime.UtcNow < due)
            await Task.Delay(500, Cancellation);
        var deadline = due.AddSeconds(30);
        while (await reader.GetByRole(AriaRole.Link, new() { Name = headline }).CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduled story was not on the home page 30 s after its time");
            await Task.Delay(1000, Cancellation);
            await reader.ReloadAsync();
        }
        await reader.GetByRole(AriaRole.Link, new() { Name = headline }).First.ClickAsync();
        await Expect(reader.Locator(".story-body figure .credit")).ToHaveTextAsync("Gazette/Studio");
        await page.ReloadAsync();
        await Expect(page.Locator(".story-status strong")).ToHaveTextAsync("Published");
    }

    [Fact]
    public async Task A_contributors_draft_is_reviewed_and_published_by_an_editor()
    {
        var admin = await Site.AdministratorAsync();
        var adminPage = await NewPageAsync();
        await SignInAsync(adminPage, admin.Email, admin.Password);
        var (contributor, _) = await NewColleagueAsync(adminPage, "Contributor", "Camille Contributrice");
        var (editor, _) = await NewColleagueAsync(adminPage, "Editor", "Edouard Editeur");

        var headline = $"Le bac de la Sorle change d’horaires {Guid.NewGuid():N}"[..46];
        await contributor.GotoAsync("/admin/stories/new");
        await contributor.Locator("#Form_Headline").FillAsync(headline);
        await contributor.Locator("#Form_Language").FillAsync("fr");
        await contributor.Locator("textarea[data-markdown-editor]").FillAsync("Le bac partira désormais à sept heures, une demi-heure plus tôt.");
        await Expect(contributor.GetByRole(AriaRole.Button, new() { Name = "Publish now" })).ToHaveCountAsync(0);
        await contributor.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(contributor.Locator(".story-status strong")).ToHaveTextAsync(new Regex("In review"));

        await editor.GotoAsync("/admin");
        await editor.GetByRole(AriaRole.Link, new() { Name = headline }).First.ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Expect(editor.Locator(".story-status strong")).ToHaveTextAsync("Published");

        var reader = await NewPageAsync();
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = headline }).First.ClickAsync();
        await Expect(reader.Locator(".story-body")).ToContainTextAsync("une demi-heure plus tôt");
    }

    [GeneratedRegex(@"time in ([^)]+)\)")]
    private static partial Regex ZoneInLegend();
}
