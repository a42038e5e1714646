using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

using AngleSharp.Dom;
using AngleSharp.Html.Dom;

using Gazette.Accounts;
using Gazette.Localization;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Translations;

/// <summary>The translation pages of the newsroom (a story's translations, its editor's panel, names per language) in French and Arabic.</summary>
public abstract partial class TranslationTests
{
    private async Task<HttpClient> EditorInAsync(string language)
    {
        var (browser, user) = await Site.SignedInAsAsync(Roles.Editor);
        await Site.WithDbAsync(async db =>
        {
            var stored = await db.Users.FindAsync([user.Id], Cancel);
            stored!.InterfaceLanguage = language;
            await db.SaveChangesAsync(Cancel);
        });
        return browser;
    }

    /// <summary>
    /// The newsroom's English strings (whole, or their text between placeholders) that <paramref name="page"/> shows, in its
    /// text or its human-facing attributes, though <paramref name="language"/> says them otherwise. Text a story or a name
    /// brings in its own language (marked with a lang attribute) is not the interface's and is left out.
    /// </summary>
    private static List<string> EnglishLeftIn(IHtmlDocument page, string language)
    {
        var shown = string.Join("\n", InterfaceTexts(page.Body!));
        var english = NewsroomEntries(CultureInfo.InvariantCulture);
        var translated = NewsroomEntries(CultureInfo.GetCultureInfo(language));
        var left = new List<string>();
        foreach (var (key, value) in english)
        {
            var own = translated.GetValueOrDefault(key, "");
            // Words a language borrows ("Slug" in French) and code (<code>::: figure</code>) stay as they are.
            foreach (var fragment in Regex.Split(value, @"\{\d+(?::[^}]*)?\}|<[^>]+>").Select(f => f.Trim(' ', ':', '.', ',', '(', ')')).Where(f => f.Length >= 4 && !own.Contains(f, StringComparison.Ordinal)))
            {
                if (Regex.IsMatch(shown, $@"(?<!\w){Regex.Escape(fragment)}(?!\w)"))
                    left.Add($"{key}: {fragment}");
            }
        }
        return left;
    }

    private static IEnumerable<string> InterfaceTexts(IElement element)
    {
        if (element.HasAttribute("lang") || element.LocalName is "script" or "style" or "textarea" or "datalist")
            yield break;
        foreach (var attribute in new[] { "placeholder", "aria-label", "title", "alt" })
        {
            if (element.GetAttribute(attribute) is { Length: > 0 } value)
                yield return value;
        }
        if (element is IHtmlInputElement { Type: "submit" or "button" } button)
            yield return button.Value;
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement childElement)
            {
                foreach (var text in InterfaceTexts(childElement))
                    yield return text;
            }
            else if (child.NodeType == NodeType.Text && child.TextContent.Trim() is { Length: > 0 } text)
                yield return text;
        }
    }

    private static Dictionary<string, string> NewsroomEntries(CultureInfo culture) =>
        NewsroomLabels.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => entry.Value as string ?? "");

    /// <summary>A story with every part of the panel showing: a group, an out-of-date machine translation awaiting approval.</summary>
    private async Task<(int Original, int Translation)> TranslatedArticleAsync()
    {
        var original = await OriginalAsync(TestArticles.UniqueHeadline("Le bassin"));
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var translation = await TranslateAsync(editor, original.Id, "en");
        await Site.EditAsync(translation, a => a.MachineTranslated = true);
        await Site.EditAsync(original.Id, a => a.Standfirst = "Le texte d’origine a changé depuis.");
        return (original.Id, translation);
    }

    [Theory]
    [InlineData("fr", "ltr", "Traductions")]
    [InlineData("ar", "rtl", "الترجمات")]
    public async Task The_translation_pages_speak_the_members_language(string language, string direction, string title)
    {
        var (original, translation) = await TranslatedArticleAsync();
        var browser = await EditorInAsync(language);

        foreach (var path in new[] { $"/admin/stories/{translation}/translations", $"/admin/stories/{translation}", $"/admin/stories/{original}/translations" })
        {
            var page = await browser.GetDocumentAsync(path);
            Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
            Assert.Equal(direction, page.DocumentElement.GetAttribute("dir"));
            var panel = page.QuerySelector("section.translations")!;
            Assert.Equal(title, panel.QuerySelector("h2")!.TextContent.Trim());
            Assert.Empty(EnglishLeftIn(page, language));
        }
        var panelPage = await browser.GetDocumentAsync($"/admin/stories/{translation}/translations");
        Assert.NotNull(panelPage.QuerySelector(".machine-translation"));
        Assert.Equal(2, panelPage.QuerySelectorAll(".translation-list li").Length);
        Assert.True(panelPage.QuerySelectorAll(".badge").Length >= 3);
    }

    [Theory]
    [InlineData("fr", "ltr")]
    [InlineData("ar", "rtl")]
    public async Task The_names_pages_speak_the_members_language(string language, string direction)
    {
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Le quai"), a => a.Language = "fr", section: TestArticles.UniqueHeadline("Zone"), tags: [TestArticles.UniqueHeadline("Zq")]);
        var browser = await EditorInAsync(language);

        foreach (var path in new[] { $"/admin/sections/{story.SectionId}/names", $"/admin/tags/{story.Tags.Single().Id}/names" })
        {
            var page = await browser.GetDocumentAsync(path);
            Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
            Assert.Equal(direction, page.DocumentElement.GetAttribute("dir"));
            var first = page.QuerySelector("input[name='Rows[0].Language'][type=hidden]")!.GetAttribute("value")!;
            Assert.Empty(EnglishLeftIn(page, language));

            var saved = await browser.PostFormAsync(path, new() { ["Rows[0].Language"] = first, ["Rows[0].Name"] = TestArticles.UniqueHeadline("Quay") });
            var after = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await saved.Content.ReadAsStringAsync(Cancel));
            Assert.NotNull(after.QuerySelector(".form-notice"));
            Assert.Empty(EnglishLeftIn(after, language));
        }
    }

    [Fact]
    public async Task The_english_check_finds_english()
    {
        var (_, translation) = await TranslatedArticleAsync();
        var english = await (await EditorInAsync("en")).GetDocumentAsync($"/admin/stories/{translation}/translations");
        Assert.Contains(EnglishLeftIn(english, "fr"), found => found.StartsWith("TranslationsTitle:", StringComparison.Ordinal));
    }
}
