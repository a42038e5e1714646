using System.Globalization;
using System.Net;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Media;
using Gazette.Tests.Admin;
using Gazette.Tests.Caching;
using Gazette.Tests.Editions;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Translations;

/// <summary>Translations made in the newsroom: copies, staleness, hreflang and the language switcher, machine translation.</summary>
public abstract partial class TranslationTests(GazetteSite site) : SiteTest(site)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Body = """
        ## Le quai nord

        Le port de [Valmer](https://valmer.example/port "Le port") agrandit son quai.
        La ville paie la moitié.

        ::: figure
        ![Le quai au matin](/media/quai.jpg)
        Le quai au matin.
        Crédit : Ville de Valmer
        :::

        [[lire-aussi: 1]]

        - Trois grues
        - Deux bassins
        """;

    private Task<Article> OriginalAsync(string headline) => Site.CreateAsync(headline, a =>
    {
        a.Language = "fr";
        a.SecondHeadline = "Les travaux commencent";
        a.BodyMarkdown = Body;
        a.FeaturedFigure = new Figure { ImageUrl = "/media/quai.jpg", AltText = "Le quai", Caption = "Le quai nord", Credit = "Ville de Valmer" };
    }, section: "Régions", authors: ["Claire Martin"], tags: ["Port de Valmer"]);

    private static async Task<int> TranslateAsync(HttpClient editor, int id, string language, bool machine = false)
    {
        var fields = new Dictionary<string, string> { ["language"] = language };
        if (machine)
            fields["machine"] = "true";
        var response = await editor.PostFormAsync($"/admin/stories/{id}/translations?handler=Translate", fields, formPath: $"/admin/stories/{id}/translations");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"translating answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        var location = response.Headers.Location!.OriginalString;
        return int.Parse(location["/admin/stories/".Length..location.IndexOf('?')], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Translate_into_makes_a_draft_in_the_same_group_with_the_section_tags_byline_and_figure()
    {
        var original = await OriginalAsync(TestArticles.UniqueHeadline("Le port s'agrandit"));
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var id = await TranslateAsync(editor, original.Id, "en");

        var translation = await Site.LoadArticleAsync(id);
        var source = await Site.LoadArticleAsync(original.Id);
        Assert.Equal("en", translation.Language);
        Assert.Equal(ArticleStatus.Draft, translation.Status);
        Assert.NotNull(source.TranslationGroup);
        Assert.Equal(source.TranslationGroup, translation.TranslationGroup);
        Assert.Equal(original.Id, translation.TranslationSourceId);
        Assert.Equal(source.SectionId, translation.SectionId);
        Assert.Equal(source.Tags.Select(t => t.Id), translation.Tags.Select(t => t.Id));
        Assert.Equal(source.Authors.Select(a => a.AuthorId), translation.Authors.Select(a => a.AuthorId));
        Assert.Equal("/media/quai.jpg", translation.FeaturedFigure!.ImageUrl);
        Assert.Equal(source.BodyMarkdown, translation.BodyMarkdown);
        Assert.False(translation.MachineTranslated);

        // The editor of either story shows the group: both languages, the original marked, links to each.
        var page = await editor.GetDocumentAsync($"/admin/stories/{id}");
        var items = page.QuerySelectorAll(".translation-list li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains(items, i => i.Contains("Français") && i.Contains("original"));
        Assert.Contains(page.QuerySelectorAll(".translation-list a"), a => a.GetAttribute("href") == $"/admin/stories/{original.Id}");

        // One translation per language.
        var again = await editor.PostFormAsync($"/admin/stories/{original.Id}/translations?handler=Translate", new() { ["language"] = "en" },
            formPath: $"/admin/stories/{original.Id}/translations");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("already has a translation in en", await again.Content.ReadAsStringAsync(Cancel));
        var nonsense = await editor.PostFormAsync($"/admin/stories/{original.Id}/translations?handler=Translate", new() { ["language"] = "<klingon>" },
            formPath: $"/admin/stories/{original.Id}/translations");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nonsense.StatusCode);
    }

    [Fact]
    public async Task A_translation_is_out_of_date_when_its_original_text_changes_and_not_for_a_status_change()
    {
        var original = await OriginalAsync(TestArticles.UniqueHeadline("La digue tient"));
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var id = await TranslateAsync(editor, original.Id, "nl");
        async Task<bool> StaleAsync() => (await editor.GetDocumentAsync($"/admin/stories/{id}")).QuerySelectorAll(".badge").Any(b => b.TextContent == "out of date");

        Assert.False(await StaleAsync());
        await Site.EditAsync(original.Id, a => a.Status = ArticleStatus.Unpublished);
        Assert.False(await StaleAsync());
        await Site.EditAsync(original.Id, a => a.BodyMarkdown += "\n\nUn paragraphe ajouté après la traduction.");
        Assert.True(await StaleAsync());
        var originalPage = await editor.GetDocumentAsync($"/admin/stories/{original.Id}");
        Assert.Contains(originalPage.QuerySelectorAll(".translation-list li"), li => li.TextContent.Contains("Nederlands") && li.TextContent.Contains("out of date"));

        var marked = await editor.PostFormAsync($"/admin/stories/{id}/translations?handler=UpToDate", [], formPath: $"/admin/stories/{id}/translations");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.False(await StaleAsync());
    }

    [Fact]
    public async Task Story_pages_link_their_translations_with_reciprocal_hreflang_and_x_default()
    {
        var group = Guid.NewGuid();
        var french = await Site.CreateAsync(TestArticles.UniqueHeadline("Le train revient"), a => { a.Language = "fr"; a.TranslationGroup = group; });
        var english = await Site.CreateAsync(TestArticles.UniqueHeadline("The train returns"), a => { a.Language = "en"; a.TranslationGroup = group; });
        var dutch = await Site.CreateAsync(TestArticles.UniqueHeadline("De trein keert terug"), a => { a.Language = "nl"; a.TranslationGroup = group; });
        var secondEnglish = await Site.CreateAsync(TestArticles.UniqueHeadline("The train returns again"), a => { a.Language = "en"; a.TranslationGroup = group; });
        var paths = new[] { await Site.PathOfAsync(french), await Site.PathOfAsync(english), await Site.PathOfAsync(dutch) };

        var sets = new List<string>();
        foreach (var path in paths)
        {
            var page = await Reader.GetDocumentAsync(path);
            var alternates = page.QuerySelectorAll("head link[rel=alternate][hreflang]")
                .Select(l => $"{l.GetAttribute("hreflang")}={new Uri(l.GetAttribute("href")!).AbsolutePath}").Order().ToList();
            Assert.Equal([$"en={paths[1]}", $"fr={paths[0]}", $"nl={paths[2]}", $"x-default={paths[0]}"], alternates);
            sets.Add(string.Join(' ', alternates));

            var switcher = page.QuerySelectorAll(".language-switcher a").ToList();
            Assert.Equal(["English", "Français", "Nederlands"], switcher.Select(a => a.TextContent.Trim()).Order());
            Assert.All(switcher, a => Assert.Equal(a.GetAttribute("lang"), a.GetAttribute("hreflang")));
            Assert.Single(switcher, a => a.GetAttribute("aria-current") == "page" && new Uri(a.GetAttribute("href")!).AbsolutePath == path);
        }
        Assert.Single(sets.Distinct());

        // A second English story in the group is nobody's alternate: it announces no set either.
        var extra = await Reader.GetDocumentAsync(await Site.PathOfAsync(secondEnglish));
        Assert.Empty(extra.QuerySelectorAll("head link[rel=alternate][hreflang]"));
        Assert.Empty(extra.QuerySelectorAll(".language-switcher a"));
    }

    [Fact]
    public async Task Publishing_a_translation_puts_it_in_the_switcher_of_its_originals_cached_page()
    {
        var original = await OriginalAsync(TestArticles.UniqueHeadline("Les grues changent de mains"));
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var id = await TranslateAsync(editor, original.Id, "en");
        var path = await Site.PathOfAsync(original);
        // Read, and so cached, while the translation is a draft: nothing to link yet.
        Assert.Empty((await Reader.GetDocumentAsync(path)).QuerySelectorAll(".language-switcher a"));
        Assert.True(await Reader.CachedAsync(path), "the original's page comes from the output cache");

        await Site.EditAsync(id, a =>
        {
            a.Status = ArticleStatus.Published;
            a.PublishedAt = DateTime.UtcNow.AddMinutes(-1);
        });
        var page = await Reader.GetDocumentAsync(path);
        Assert.Equal(["English", "Français"], page.QuerySelectorAll(".language-switcher a").Select(a => a.TextContent.Trim()).Order());
        Assert.Contains(page.QuerySelectorAll("head link[rel=alternate][hreflang]"), l => l.GetAttribute("hreflang") == "en");
    }

    [Fact]
    public async Task Machine_translation_prefills_the_text_keeps_the_blocks_and_waits_for_approval()
    {
        await using var receiver = await TranslateReceiver.StartAsync();
        await Site.UseMachineTranslationAsync(receiver.Url);
        var original = await OriginalAsync(TestArticles.UniqueHeadline("Le quai nord"));
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var panel = await editor.GetDocumentAsync($"/admin/stories/{original.Id}");
        Assert.NotNull(panel.QuerySelector(".translate-form input[name=machine]"));

        var id = await TranslateAsync(editor, original.Id, "en", machine: true);
        var draft = await Site.LoadArticleAsync(id);
        Assert.True(draft.MachineTranslated);
        Assert.StartsWith("[en:LE QUAI NORD", draft.Headline);
        Assert.Equal("[en:LES TRAVAUX COMMENCENT]", draft.SecondHeadline);
        Assert.Equal("[en:LE QUAI]", draft.FeaturedFigure!.AltText);
        Assert.Contains("## [en:LE QUAI NORD]", draft.BodyMarkdown);
        Assert.Contains("](https://valmer.example/port \"Le port\")", draft.BodyMarkdown);
        Assert.Contains("::: figure\n![Le quai au matin](/media/quai.jpg)\nLe quai au matin.\nCrédit : Ville de Valmer\n:::", draft.BodyMarkdown);
        Assert.Contains("[[lire-aussi: 1]]", draft.BodyMarkdown);
        Assert.Contains("- [en:TROIS GRUES]", draft.BodyMarkdown);
        var sent = receiver.Requests.Select(r => r.GetProperty("source").GetString() + ">" + r.GetProperty("target").GetString()).Distinct();
        Assert.Equal(["fr>en"], sent);
        Assert.DoesNotContain(receiver.Requests.SelectMany(r => r.GetProperty("q").EnumerateArray()), q => q.GetString()!.Contains("::: figure"));

        // Marked in the editor and in the list; publishing is refused until an editor approves.
        var page = await editor.GetDocumentAsync($"/admin/stories/{id}");
        Assert.NotNull(page.QuerySelector(".machine-translation"));
        var list = await editor.GetStringAsync("/admin/stories?q=" + Uri.EscapeDataString("QUAI NORD"), Cancel);
        Assert.Contains("machine translation", list);
        var publish = await editor.PostArticleAsync(id, await editor.ReadArticleFormAsync(id), "publish");
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Contains("must approve it before it is published", await publish.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(ArticleStatus.Draft, (await Site.LoadArticleAsync(id)).Status);

        var approve = await editor.PostFormAsync($"/admin/stories/{id}/translations?handler=Approve", [], formPath: $"/admin/stories/{id}/translations");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.False((await Site.LoadArticleAsync(id)).MachineTranslated);
        var published = await editor.PostArticleAsync(id, await editor.ReadArticleFormAsync(id), "publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(ArticleStatus.Published, (await Site.LoadArticleAsync(id)).Status);
    }

    [Fact]
    public async Task A_failing_or_absent_endpoint_gives_a_clear_message_and_no_draft()
    {
        var original = await OriginalAsync(TestArticles.UniqueHeadline("La passerelle"));
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var path = $"/admin/stories/{original.Id}/translations";
        async Task<string> RefusedAsync()
        {
            var response = await editor.PostFormAsync(path + "?handler=Translate", new() { ["language"] = "en", ["machine"] = "true" }, formPath: path);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return await response.Content.ReadAsStringAsync(Cancel);
        }

        await Site.UseMachineTranslationAsync(null);
        Assert.Null((await editor.GetDocumentAsync(path)).QuerySelector("input[name=machine]"));
        Assert.Contains("Machine translation is off", await RefusedAsync());

        await using (var failing = await TranslateReceiver.StartAsync(failing: true))
        {
            await Site.UseMachineTranslationAsync(failing.Url);
            var message = await RefusedAsync();
            Assert.Contains("refused the text (500: The engine is down for maintenance)", message);
            Assert.Single(failing.Requests);
        }

        string closedPort;
        await using (var gone = await TranslateReceiver.StartAsync())
            closedPort = gone.Url;
        await Site.UseMachineTranslationAsync(closedPort);
        Assert.Contains("could not be reached", await RefusedAsync());
        await Site.UseMachineTranslationAsync(null);

        var group = (await Site.LoadArticleAsync(original.Id)).TranslationGroup;
        Assert.Null(group);
    }
}

public sealed class TranslationTestsOnSqlite(EditionsOnSqliteSite site) : TranslationTests(site), IClassFixture<EditionsOnSqliteSite>;

public sealed class TranslationTestsOnPostgres(EditionsOnPostgresSite site) : TranslationTests(site), IClassFixture<EditionsOnPostgresSite>;
