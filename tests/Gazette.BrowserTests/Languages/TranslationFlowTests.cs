using System.Text.RegularExpressions;

using Gazette.BrowserTests.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Gazette.BrowserTests.Languages;

/// <summary>A story and its translation: made on the editor, linked for readers, watched for staleness.</summary>
public sealed class TranslationFlowTests(MultilingualSite site, Chromium chromium) : MultilingualTest(site, chromium)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task The_switcher_names_each_language_in_itself_opens_the_translation_and_both_heads_carry_the_same_hreflang_set()
    {
        await UseEditionsAsync();
        var id = Unique();
        var editor = await AdministratorPageAsync();
        var original = await PublishArticleAsync(editor, $"Harbour pilots vote for a two-day strike {id}", "en",
            "The pilots who guide ships into Port-Aurel voted on Monday to stop work for two days. Talks on night shifts broke down last week.");
        var englishPath = await PublicPathAsync(editor);
        await TranslateAsync(editor, original, "fr");
        var frenchHeadline = $"Les pilotes du port votent deux jours de grève {id}";
        await editor.Locator("#Form_Headline").FillAsync(frenchHeadline);
        await PublishAsync(editor);
        var frenchPath = await PublicPathAsync(editor);
        Assert.StartsWith("/fr/", frenchPath);

        var reader = await NewPageAsync();
        await reader.GotoAsync(englishPath);
        var switcher = reader.GetByRole(AriaRole.Navigation, new() { Name = "This story in other languages" });
        await Expect(switcher.GetByRole(AriaRole.Link)).ToHaveTextAsync(["English", "Français"]);
        await Expect(switcher.GetByRole(AriaRole.Link, new() { Name = "English" })).ToHaveAttributeAsync("aria-current", "page");
        var french = switcher.GetByRole(AriaRole.Link, new() { Name = "Français" });
        await Expect(french).ToHaveAttributeAsync("lang", "fr");
        await Expect(french).ToHaveAttributeAsync("hreflang", "fr");
        var englishHead = await HreflangsAsync(reader);

        await french.ClickAsync();
        await reader.WaitForURLAsync(Site.Url(frenchPath));
        await Expect(reader.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(reader.Locator("article.story h1")).ToHaveTextAsync(frenchHeadline);
        // The French page names the languages the same way, and its own labels are French.
        var frenchSwitcher = reader.GetByRole(AriaRole.Navigation, new() { Name = "Cet article dans d’autres langues" });
        await Expect(frenchSwitcher.GetByRole(AriaRole.Link)).ToHaveTextAsync(["English", "Français"]);
        await Expect(frenchSwitcher.GetByRole(AriaRole.Link, new() { Name = "Français" })).ToHaveAttributeAsync("aria-current", "page");
        var frenchHead = await HreflangsAsync(reader);

        // Reciprocal: each page names itself and the other, and both name the default language's as x-default.
        var expected = new SortedDictionary<string, string>
        {
            ["en"] = Site.Url(englishPath),
            ["fr"] = Site.Url(frenchPath),
            ["x-default"] = Site.Url(englishPath),
        };
        Assert.Equal(expected, new SortedDictionary<string, string>(englishHead));
        Assert.Equal(expected, new SortedDictionary<string, string>(frenchHead));
    }

    [Fact]
    public async Task An_editor_translates_a_story_publishes_it_the_original_links_it_and_it_goes_out_of_date_when_the_original_changes()
    {
        await UseEditionsAsync();
        var id = Unique();
        var admin = await AdministratorPageAsync();
        var (editor, _) = await NewColleagueAsync(admin, "Editor", "Éliane Éditrice");
        await admin.Context.CloseAsync();
        var original = await PublishArticleAsync(editor, $"Les grues du port changent de mains {id}", "fr",
            "Le port de Port-Aurel a vendu ses trois grues à un armateur de Lierbeek. Elles resteront sur le quai nord jusqu’en mars.");
        var originalPath = await PublicPathAsync(editor);
        var reader = await NewPageAsync();
        await reader.GotoAsync(originalPath);
        await Expect(reader.Locator("nav.language-switcher")).ToHaveCountAsync(0);

        // The languages of the site's editions are offered, the story's own excepted.
        var offered = await editor.Locator("#translate-languages option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Equal(["en", "ar"], offered);
        await TranslateAsync(editor, original, "en");
        await Expect(editor.Locator(".story-status strong")).ToHaveTextAsync("Draft");
        await Expect(editor.Locator("#Form_Headline")).ToHaveValueAsync(original.Headline);
        await Expect(editor.Locator("#Form_SectionId option:checked")).ToHaveTextAsync("Économie");
        await Expect(editor.Locator("#Form_Tags")).ToHaveValueAsync("Port-Aurel, Sorle");
        await Expect(editor.Locator("select[name='Form.AuthorIds[0]'] option:checked")).ToHaveTextAsync("Oliver Penrose");
        await Expect(editor.Locator("#Form_FigureUrl")).ToHaveValueAsync("/media/demo/harbour.jpg");
        await Expect(editor.Locator("#Form_FigureAlt")).ToHaveValueAsync("Cranes over the harbour at low tide.");
        await Expect(editor.Locator("#Form_FigureCredit")).ToHaveValueAsync("Gazette/Studio");
        var panel = editor.Locator("section.translations");
        await Expect(panel.Locator("li", new() { HasText = original.Headline }).Locator(".badge")).ToHaveTextAsync("original");

        // A reader on the original while the translation is a draft: nothing to switch to yet.
        await reader.ReloadAsync();
        await Expect(reader.Locator("nav.language-switcher")).ToHaveCountAsync(0);

        var englishHeadline = $"Port-Aurel sells its harbour cranes {id}";
        await editor.Locator("#Form_Headline").FillAsync(englishHeadline);
        await PublishAsync(editor);
        var translationPath = await PublicPathAsync(editor);
        await reader.ReloadAsync();
        var english = reader.GetByRole(AriaRole.Navigation, new() { Name = "Cet article dans d’autres langues" }).GetByRole(AriaRole.Link, new() { Name = "English" });
        await Expect(english).ToHaveAttributeAsync("href", Site.Url(translationPath));
        await english.ClickAsync();
        await Expect(reader.Locator("article.story h1")).ToHaveTextAsync(englishHeadline);
        await Expect(reader.Locator("article.story .story-body figure img, article.story figure img").First).ToHaveAttributeAsync("src", new Regex("harbour"));

        // The original's text changes: its translation is now out of date, on both stories' panels.
        await editor.GotoAsync(original.EditorPath);
        await editor.Locator("#Form_Standfirst").FillAsync("Le port a vendu ses trois grues, qui partiront en mars pour Lierbeek.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(editor.Locator(".story-status strong")).ToHaveTextAsync("Published");
        await Expect(panel.Locator("li", new() { HasText = englishHeadline }).Locator(".badge-warning")).ToHaveTextAsync("out of date");
        await panel.GetByRole(AriaRole.Link, new() { Name = englishHeadline }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Note)).ToContainTextAsync("Out of date");
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Mark up to date with the original" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_machine_translation_prefills_the_draft_which_stays_marked_and_unpublishable_until_an_editor_approves_it()
    {
        await UseEditionsAsync();
        var id = Unique();
        var editor = await AdministratorPageAsync();
        var original = await PublishArticleAsync(editor, $"Le marché couvert rouvre ses portes {id}", "fr",
            "Après deux ans de travaux, le marché couvert de Villemont rouvre samedi. Quarante commerçants y reviennent.");

        await TranslateAsync(editor, original, "en", machine: true);
        Assert.Contains("fr→en", Multilingual.Translator.Requests);
        await Expect(editor.Locator("#Form_Headline")).ToHaveValueAsync("[en] " + original.Headline);
        await Expect(editor.Locator("textarea[data-markdown-editor]")).ToHaveValueAsync(new Regex(@"^\[en\] Après deux ans de travaux"));
        var panel = editor.Locator("section.translations");
        var notice = panel.Locator(".machine-translation");
        await Expect(notice).ToContainTextAsync("Machine translation");
        await Expect(panel.Locator("li", new() { HasText = "(en)" }).Locator(".badge-warning")).ToHaveTextAsync("machine translation");

        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Expect(editor.GetByText("This story is a machine translation: an editor must approve it")).ToBeVisibleAsync();
        await editor.GotoAsync(editor.Url);
        await Expect(editor.Locator(".story-status strong")).ToHaveTextAsync("Draft");

        await notice.GetByRole(AriaRole.Button, new() { Name = "Approve the translation" }).ClickAsync();
        await Expect(notice).ToHaveCountAsync(0);
        await editor.Locator("#Form_Headline").FillAsync($"The covered market reopens {id}");
        await PublishAsync(editor);
        var reader = await NewPageAsync();
        await reader.GotoAsync(await PublicPathAsync(editor));
        await Expect(reader.Locator("article.story h1")).ToHaveTextAsync($"The covered market reopens {id}");
    }
}
