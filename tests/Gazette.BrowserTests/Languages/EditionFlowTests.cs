using Gazette.BrowserTests.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Gazette.BrowserTests.Languages;

/// <summary>A reader's first visit to <c>/</c> follows the browser's language to its edition, once, and never a crawler's.</summary>
public sealed class EditionFlowTests(MultilingualSite site, Chromium chromium) : MultilingualTest(site, chromium)
{
    private const string FrenchArticle = "Port-Aurel : le terminal à conteneurs retrouve ses volumes d’avant-crise";
    private const string EnglishArticle = "Port-Aurel ferry operator adds a night crossing to Eastmere";

    [Fact]
    public async Task A_french_browser_lands_on_the_french_edition_goes_back_to_the_english_one_and_stays_there()
    {
        await UseEditionsAsync();
        var reader = await NewPageAsync(locale: "fr-FR");

        var first = await reader.GotoAsync("/");
        Assert.Equal(Site.Url("/fr/"), reader.Url);
        Assert.Equal(Site.Url("/"), first!.Request.RedirectedFrom?.Url);
        await Expect(reader.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        // The French edition's own home: its labels and its language's stories only.
        await Expect(reader.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Accueil" }))
            .ToHaveAttributeAsync("href", "/fr/");
        await Expect(reader.Locator(".site-search button")).ToHaveTextAsync("Rechercher");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = FrenchArticle })).Not.ToHaveCountAsync(0);
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = EnglishArticle })).ToHaveCountAsync(0);

        // The way back is in sight on the page, named in its own language.
        var switcher = reader.GetByRole(AriaRole.Navigation, new() { Name = "Éditions" });
        await Expect(switcher.GetByRole(AriaRole.Link, new() { Name = "Français" })).ToHaveAttributeAsync("aria-current", "true");
        var english = switcher.GetByRole(AriaRole.Link, new() { Name = "English" });
        await Expect(english).ToBeVisibleAsync();
        await english.ClickAsync();
        await reader.WaitForURLAsync(Site.Url("/"));
        await Expect(reader.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = EnglishArticle })).Not.ToHaveCountAsync(0);

        // The next visit, in a new tab of the same browser: the root edition, no redirect.
        var nextVisit = await reader.Context.NewPageAsync();
        var again = await nextVisit.GotoAsync("/");
        Assert.Null(again!.Request.RedirectedFrom);
        Assert.Equal(Site.Url("/"), nextVisit.Url);
        await Expect(nextVisit.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(nextVisit.GetByRole(AriaRole.Navigation, new() { Name = "Editions" }).GetByRole(AriaRole.Link, new() { Name = "English" }))
            .ToHaveAttributeAsync("aria-current", "true");
    }

    [Fact]
    public async Task A_crawler_with_a_french_browser_is_never_redirected_and_finds_the_french_edition_at_its_address()
    {
        await UseEditionsAsync();
        var crawler = await NewPageAsync(locale: "fr-FR", userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        Assert.Equal("fr-FR", await crawler.EvaluateAsync<string>("() => navigator.language"));

        foreach (var visit in new[] { "first", "second" })
        {
            var response = await crawler.GotoAsync("/");
            Assert.True(response!.Request.RedirectedFrom is null, $"the {visit} visit was redirected to {crawler.Url}");
            Assert.Equal(Site.Url("/"), crawler.Url);
            await Expect(crawler.Locator("html")).ToHaveAttributeAsync("lang", "en");
        }
        Assert.DoesNotContain(await crawler.Context.CookiesAsync(), cookie => cookie.Name == "gazette-edition");

        var french = await crawler.GotoAsync("/fr/");
        Assert.Equal(200, french!.Status);
        await Expect(crawler.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(crawler.GetByRole(AriaRole.Link, new() { Name = FrenchArticle })).Not.ToHaveCountAsync(0);
    }
}
