using Gazette.BrowserTests.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Gazette.BrowserTests.Languages;

/// <summary>
/// A flow on the <see cref="MultilingualSite"/>: English by default with French and Arabic editions, and machine
/// translation from its loopback engine, all set by an administrator on the settings page before the first flow.
/// </summary>
[Collection(MultilingualCollection.Name)]
public abstract class MultilingualTest(MultilingualSite site, Chromium chromium) : BrowserTest(site.Process, chromium)
{
    protected MultilingualSite Multilingual { get; } = site;

    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

    protected void Log(string step) => TestContext.Current.TestOutputHelper?.WriteLine($"{clock.ElapsedMilliseconds,6} ms {step}");

    /// <summary>A story as its editor knows it: the editor page's address and the headline.</summary>
    protected sealed record PublishedArticle(string EditorPath, string Headline);

    /// <summary>Sets the site up through its settings page, as its administrator would, once for every flow.</summary>
    protected async Task UseEditionsAsync()
    {
        Site.SkipIfUnavailable();
        await Multilingual.SetUpOnceAsync(async () =>
        {
            Log($"the multilingual Gazette started in {Multilingual.StartedIn.TotalMilliseconds:0} ms");
            var admin = await Site.AdministratorAsync();
            Log("administrator created");
            var page = await NewPageAsync();
            await SignInAsync(page, admin.Email, admin.Password);
            await page.GotoAsync("/admin/settings");
            await page.Locator("#Form_DefaultLanguage").FillAsync("en");
            await page.Locator("#Form_EditionLanguages").FillAsync("fr, ar");
            await page.Locator("#Form_MachineTranslationUrl").FillAsync(Multilingual.Translator.Url);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(page.Locator("p.form-notice[role=status]")).ToHaveTextAsync("Settings saved.");
            Multilingual.AdministratorSession = await page.Context.StorageStateAsync();
            await page.Context.CloseAsync();
            Log("site set up");
        });
    }

    /// <summary>A newsroom page signed in as the shared administrator (the session of the set-up).</summary>
    protected async Task<IPage> AdministratorPageAsync()
    {
        var page = await NewPageAsync(storageState: Multilingual.AdministratorSession);
        await page.GotoAsync("/admin");
        await Expect(page).ToHaveURLAsync(Site.Url("/admin"));
        return page;
    }

    /// <summary>
    /// Writes and publishes a story on the editor with a section, two tags, a byline and a lead figure, so that a
    /// translation has all of them to copy.
    /// </summary>
    protected static async Task<PublishedArticle> PublishArticleAsync(IPage page, string headline, string language, string body)
    {
        await page.GotoAsync("/admin/stories/new");
        await page.Locator("#Form_Headline").FillAsync(headline);
        await page.Locator("#Form_Standfirst").FillAsync(body.Split('.')[0] + ".");
        await page.Locator("#Form_Language").FillAsync(language);
        await page.Locator("#Form_SectionId").SelectOptionAsync(new SelectOptionValue { Label = "Économie" });
        await page.Locator("#Form_Tags").FillAsync("Port-Aurel, Sorle");
        await page.Locator("select[name='Form.AuthorIds[0]']").SelectOptionAsync(new SelectOptionValue { Label = "Oliver Penrose" });
        await page.Locator("#Form_FigureUrl").FillAsync("/media/demo/harbour.jpg");
        await page.Locator("#Form_FigureAlt").FillAsync("Cranes over the harbour at low tide.");
        await page.Locator("#Form_FigureCredit").FillAsync("Gazette/Studio");
        await page.Locator("textarea[data-markdown-editor]").FillAsync(body);
        await PublishAsync(page);
        return new PublishedArticle(new Uri(page.Url).AbsolutePath, headline);
    }

    /// <summary>"Publish now" on the story being edited, and waits for the editor to say it is out.</summary>
    protected static async Task PublishAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Expect(page.Locator(".story-status strong")).ToHaveTextAsync("Published");
    }

    /// <summary>"Translate into…" on a story's editor: the new draft's editor opens.</summary>
    protected static async Task TranslateAsync(IPage page, PublishedArticle story, string language, bool machine = false)
    {
        await page.GotoAsync(story.EditorPath);
        var panel = page.Locator("section.translations");
        await panel.GetByLabel("Translate into…").FillAsync(language);
        if (machine)
            await panel.GetByLabel("Pre-fill with machine translation").CheckAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Create the translation draft" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains(story.EditorPath, StringComparison.Ordinal) && url.Contains("/admin/stories/", StringComparison.Ordinal));
        await Expect(page.Locator("#Form_Language")).ToHaveValueAsync(language);
    }

    /// <summary>The public address of the story open on the editor (its "View on the site" link).</summary>
    protected static async Task<string> PublicPathAsync(IPage page) =>
        (await page.GetByRole(AriaRole.Link, new() { Name = "View on the site" }).GetAttributeAsync("href"))!;

    /// <summary>The page head's hreflang alternates, language → address, as the DOM has them.</summary>
    protected static async Task<Dictionary<string, string>> HreflangsAsync(IPage page)
    {
        var links = await page.Locator("head link[rel=alternate][hreflang]").EvaluateAllAsync<string[][]>(
            "links => links.map(l => [l.hreflang, l.href])");
        return links.ToDictionary(l => l[0], l => l[1]);
    }
}
