using System.Net;

using AngleSharp.Html.Dom;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Tests.Infrastructure;
using Gazette.Tests.Search;

using Microsoft.AspNetCore.Mvc.Testing;

namespace Gazette.Tests.Editions;

/// <summary>Language editions on a site publishing French (the default, at the root), English (/en/) and Dutch (/nl/).</summary>
public abstract partial class EditionTests(GazetteSite site) : SiteTest(site)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A browser on its first visit: no cookies kept, no redirect followed.</summary>
    private HttpClient FirstVisit(string? acceptLanguage, string userAgent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
    {
        var client = Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        if (acceptLanguage is not null)
            client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        return client;
    }

    private Task<Article> ArticleAsync(string headline, string language, string? section = null, string[]? tags = null) =>
        Site.CreateAsync(headline, a => a.Language = language, section: section, tags: tags);

    [Fact]
    public async Task Each_edition_has_its_own_home_page_with_its_own_stories()
    {
        var french = await ArticleAsync(TestArticles.UniqueHeadline("Le port s'agrandit"), "fr");
        var english = await ArticleAsync(TestArticles.UniqueHeadline("The harbour grows"), "en");

        var root = await Reader.GetDocumentAsync("/");
        Assert.Equal("fr", root.DocumentElement.GetAttribute("lang"));
        Assert.Contains(french.Headline, root.Body!.TextContent);
        Assert.DoesNotContain(english.Headline, root.Body!.TextContent);

        var en = await Reader.GetDocumentAsync("/en/");
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.Contains(english.Headline, en.Body!.TextContent);
        Assert.DoesNotContain(french.Headline, en.Body!.TextContent);
        Assert.Equal("/en/", en.QuerySelector(".site-title a")!.GetAttribute("href"));
        Assert.EndsWith("/en/search", en.QuerySelector("form.site-search")!.GetAttribute("action"));

        await Reader.GetDocumentAsync("/nl/");
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync("/de/", Cancel)).StatusCode);
        var defaultPrefix = await Reader.GetAsync("/fr/", Cancel);
        Assert.Equal(HttpStatusCode.MovedPermanently, defaultPrefix.StatusCode);
        Assert.Equal("/", defaultPrefix.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_edition_switcher_names_each_language_in_itself()
    {
        var page = await Reader.GetDocumentAsync("/nl/");
        var links = page.QuerySelectorAll(".edition-switcher a").Cast<IHtmlAnchorElement>().ToList();
        Assert.Equal(["Français", "English", "Nederlands"], links.Select(a => a.TextContent.Trim()));
        Assert.Equal(["fr", "en", "nl"], links.Select(a => a.GetAttribute("lang")));
        Assert.Equal(["fr", "en", "nl"], links.Select(a => a.GetAttribute("hreflang")));
        Assert.Equal("true", links[2].GetAttribute("aria-current"));
        Assert.Equal("/edition/en", links[1].GetAttribute("href"));
    }

    [Fact]
    public async Task Edition_homes_announce_reciprocal_hreflang_sets_with_x_default()
    {
        var sets = new List<string>();
        foreach (var path in new[] { "/", "/en/", "/nl/" })
        {
            var page = await Reader.GetDocumentAsync(path);
            var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]")
                .Select(l => $"{l.GetAttribute("hreflang")}={new Uri(l.GetAttribute("href")!).AbsolutePath}").Order().ToList();
            Assert.Equal(["en=/en/", "fr=/", "nl=/nl/", "x-default=/"], alternates);
            Assert.Contains(page.QuerySelectorAll("link[rel=alternate][hreflang]"), l => new Uri(l.GetAttribute("href")!).AbsolutePath == path);
            sets.Add(string.Join(' ', alternates));
        }
        Assert.Single(sets.Distinct());
    }

    [Fact]
    public async Task First_visit_follows_Accept_Language_once_then_the_cookie_keeps_the_root()
    {
        var response = await FirstVisit("en-GB,en;q=0.9,fr;q=0.5").GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en/", response.Headers.Location!.OriginalString);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Contains("Cookie", response.Headers.Vary);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("gazette-edition=en", cookie);

        // Back at / with the cookie: the root edition, no redirect, so never a loop.
        var back = FirstVisit("en-GB,en;q=0.9");
        back.DefaultRequestHeaders.Add("Cookie", "gazette-edition=en");
        var again = await back.GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(again.Headers.Contains("Set-Cookie"));
        Assert.Contains("Accept-Language", again.Headers.Vary);

        // A regional variant finds its language; the default language stays at the root and is remembered too.
        Assert.Equal("/nl/", (await FirstVisit("nl-BE").GetAsync("/", Cancel)).Headers.Location!.OriginalString);
        var french = await FirstVisit("fr-CH, en;q=0.8").GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.OK, french.StatusCode);
        Assert.StartsWith("gazette-edition=fr", Assert.Single(french.Headers.GetValues("Set-Cookie")));
        // A language with no edition, or a zero quality, leaves the reader at the root.
        Assert.Equal(HttpStatusCode.OK, (await FirstVisit("de-DE,de;q=0.9").GetAsync("/", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FirstVisit("en;q=0, fr").GetAsync("/", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)")]
    [InlineData("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)")]
    public async Task Crawlers_are_never_redirected(string userAgent)
    {
        var response = await FirstVisit("en", userAgent).GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Without_Accept_Language_the_root_is_served_without_a_cookie()
    {
        var response = await FirstVisit(null).GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        // Only the bare root decides: a paged home, a section, a story never redirect.
        Assert.Equal(HttpStatusCode.OK, (await FirstVisit("en").GetAsync("/?page=1", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Choosing_an_edition_sets_the_cookie_and_goes_to_its_home()
    {
        var response = await FirstVisit("en").GetAsync("/edition/nl", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/nl/", response.Headers.Location!.OriginalString);
        Assert.StartsWith("gazette-edition=nl", Assert.Single(response.Headers.GetValues("Set-Cookie")));
        var root = await FirstVisit("en").GetAsync("/edition/fr", Cancel);
        Assert.Equal("/", root.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await FirstVisit("en").GetAsync("/edition/de", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Sections_have_names_and_addresses_per_edition()
    {
        var sectionName = TestArticles.UniqueHeadline("Économie");
        var french = await ArticleAsync(TestArticles.UniqueHeadline("Les salaires montent"), "fr", section: sectionName);
        var english = await ArticleAsync(TestArticles.UniqueHeadline("Wages rise"), "en", section: sectionName);
        var sectionId = french.SectionId!.Value;
        var englishName = TestArticles.UniqueHeadline("Economy");
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var form = await editor.GetDocumentAsync($"/admin/sections/{sectionId}/names");
        Assert.Equal(["en", "nl"], form.QuerySelectorAll("input[name$='.Language'][type=hidden]").Select(i => i.GetAttribute("value")));
        var saved = await editor.PostFormAsync($"/admin/sections/{sectionId}/names", new()
        {
            ["Rows[0].Language"] = "en",
            ["Rows[0].Name"] = englishName,
            ["Rows[1].Language"] = "nl",
            ["Rows[1].Name"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var englishSlug = Gazette.Text.Slugs.Create(englishName);

        var front = await Reader.GetDocumentAsync($"/en/section/{englishSlug}");
        Assert.Equal(englishName, front.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(english.Headline, front.Body!.TextContent);
        Assert.DoesNotContain(french.Headline, front.Body!.TextContent);
        Assert.Contains(front.QuerySelectorAll(".site-nav a"), a => a.GetAttribute("href") == $"/en/section/{englishSlug}" && a.TextContent == englishName);

        var frenchSlug = Gazette.Text.Slugs.Create(sectionName);
        var oldAddress = await Reader.GetAsync($"/en/section/{frenchSlug}", Cancel);
        Assert.Equal(HttpStatusCode.MovedPermanently, oldAddress.StatusCode);
        Assert.Equal($"/en/section/{englishSlug}", oldAddress.Headers.Location!.OriginalString);
        // Dutch has no name of its own: the section's own name and slug.
        var dutch = await Reader.GetDocumentAsync($"/nl/section/{frenchSlug}");
        Assert.Equal(sectionName, dutch.QuerySelector("h1")!.TextContent.Trim());

        var root = await Reader.GetDocumentAsync($"/section/{frenchSlug}");
        Assert.Contains(french.Headline, root.Body!.TextContent);
        Assert.DoesNotContain(english.Headline, root.Body!.TextContent);
        var story = await Reader.GetDocumentAsync(await Site.PathOfAsync(english));
        Assert.Equal($"/en/section/{englishSlug}", story.QuerySelector(".kicker a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Tags_have_names_per_language_on_stories_and_tag_pages()
    {
        var tagName = TestArticles.UniqueHeadline("Port de Valmer");
        var english = await ArticleAsync(TestArticles.UniqueHeadline("The new quay"), "en", tags: [tagName]);
        var tagId = english.Tags.Single().Id;
        var englishName = TestArticles.UniqueHeadline("Valmer harbour");
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var saved = await editor.PostFormAsync($"/admin/tags/{tagId}/names", new() { ["Rows[0].Language"] = "en", ["Rows[0].Name"] = englishName },
            formPath: $"/admin/tags/{tagId}/names");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var englishSlug = Gazette.Text.Slugs.Create(englishName);

        var story = await Reader.GetDocumentAsync(await Site.PathOfAsync(english));
        var tagLink = story.QuerySelectorAll("a[rel=tag]").Single();
        Assert.Equal($"/en/tag/{englishSlug}", tagLink.GetAttribute("href"));
        Assert.StartsWith("#Valmer", tagLink.TextContent);

        var page = await Reader.GetDocumentAsync($"/en/tag/{englishSlug}");
        Assert.Contains(english.Headline, page.Body!.TextContent);
        var own = await Reader.GetAsync($"/en/tag/{Gazette.Text.Slugs.Create(tagName)}", Cancel);
        Assert.Equal(HttpStatusCode.MovedPermanently, own.StatusCode);
        // The root (French) edition knows the tag under its own name, with no English story in it.
        var root = await Reader.GetDocumentAsync($"/tag/{Gazette.Text.Slugs.Create(tagName)}");
        Assert.DoesNotContain(english.Headline, root.Body!.TextContent);
    }

    [Fact]
    public async Task Each_edition_has_its_own_feeds()
    {
        var section = TestArticles.UniqueHeadline("Culture");
        var french = await ArticleAsync(TestArticles.UniqueHeadline("Le festival ouvre"), "fr", section: section);
        var english = await ArticleAsync(TestArticles.UniqueHeadline("The festival opens"), "en", section: section);
        var slug = Gazette.Text.Slugs.Create(section);

        var root = await Reader.GetStringAsync("/feed/rss", Cancel);
        Assert.Contains(french.Headline, root);
        Assert.DoesNotContain(english.Headline, root);
        var en = await Reader.GetStringAsync("/en/feed/atom", Cancel);
        Assert.Contains(english.Headline, en);
        Assert.DoesNotContain(french.Headline, en);

        var enSection = await Reader.GetStringAsync($"/en/section/{slug}/feed/json", Cancel);
        Assert.Contains(english.Headline, enSection);
        Assert.DoesNotContain(french.Headline, enSection);
        Assert.Contains($"/en/section/{slug}", enSection);
        var frSection = await Reader.GetStringAsync($"/section/{slug}/feed/rss", Cancel);
        Assert.Contains(french.Headline, frSection);
        Assert.DoesNotContain(english.Headline, frSection);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync($"/de/section/{slug}/feed/rss", Cancel)).StatusCode);

        var home = await Reader.GetDocumentAsync("/en/");
        Assert.Contains(home.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']"), l => l.GetAttribute("href") == "/en/feed/atom");
    }

    [Fact]
    public async Task Search_keeps_to_the_edition_unless_the_reader_picks_a_language()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var french = await Site.CreateAsync(TestArticles.UniqueHeadline($"Le {word} arrive"), a => a.Language = "fr");
        var english = await Site.CreateAsync(TestArticles.UniqueHeadline($"The {word} arrives"), a => a.Language = "en");

        var en = await SearchWait.UntilAsync(Reader, $"/en/search?q={word}", page => page.Body!.TextContent.Contains(english.Headline));
        Assert.DoesNotContain(french.Headline, en.Body!.TextContent);
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        var fr = await SearchWait.UntilAsync(Reader, $"/search?q={word}", page => page.Body!.TextContent.Contains(french.Headline));
        Assert.DoesNotContain(english.Headline, fr.Body!.TextContent);
        var both = await SearchWait.UntilAsync(Reader, $"/en/search?q={word}&lang=fr", page => page.Body!.TextContent.Contains(french.Headline));
        Assert.DoesNotContain(english.Headline, both.Body!.TextContent);
    }
}

public sealed class EditionTestsOnSqlite(EditionsOnSqliteSite site) : EditionTests(site), IClassFixture<EditionsOnSqliteSite>;

public sealed class EditionTestsOnPostgres(EditionsOnPostgresSite site) : EditionTests(site), IClassFixture<EditionsOnPostgresSite>;
