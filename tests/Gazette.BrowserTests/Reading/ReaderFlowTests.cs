using Gazette.BrowserTests.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Gazette.BrowserTests.Reading;

public sealed class ReaderFlowTests(GazetteProcess site, Chromium chromium) : BrowserTest(site, chromium)
{
    [Fact]
    public async Task A_reader_goes_from_home_to_a_story_its_tag_and_its_author_and_back()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Éolien en mer : le parc des Bancs de Sorle injecte ses premiers mégawatts" }).First.ClickAsync();

        var story = page.Locator("article.story");
        await Expect(story.Locator("h1")).ToHaveTextAsync("Éolien en mer : le parc des Bancs de Sorle injecte ses premiers mégawatts");
        var lead = story.Locator("figure.lead-figure");
        await Expect(lead.Locator("img")).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("éoliennes blanches"));
        Assert.True(await lead.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the lead image did not load");
        await Expect(lead.Locator(".credit")).ToHaveTextAsync("Agence Nord/Photo");
        var readAlso = story.Locator("aside.read-also a");
        await Expect(readAlso).ToHaveTextAsync("Port-Aurel : le terminal à conteneurs retrouve ses volumes d’avant-crise");
        var hashtags = story.Locator("nav.tags a[rel=tag]");
        Assert.True(await hashtags.CountAsync() >= 3);
        foreach (var hashtag in await hashtags.AllTextContentsAsync())
            Assert.StartsWith("#", hashtag.Trim());
        var share = story.Locator("section.share a");
        Assert.True(await share.CountAsync() >= 2, "no share links");
        foreach (var link in await share.EvaluateAllAsync<string[]>("links => links.map(a => a.href)"))
            Assert.Matches("^(https?|mailto):", link);
        var storyUrl = page.Url;

        await story.Locator("nav.tags a[rel=tag]", new() { HasText = "Sorle" }).First.ClickAsync();
        await page.WaitForURLAsync("**/tag/**");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Éolien en mer : le parc des Bancs de Sorle injecte ses premiers mégawatts" })).ToBeVisibleAsync();

        await page.GoBackAsync();
        Assert.Equal(storyUrl, page.Url);
        await story.Locator("a[rel=author]").First.ClickAsync();
        await page.WaitForURLAsync("**/author/**");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Éolien en mer : le parc des Bancs de Sorle injecte ses premiers mégawatts" })).ToBeVisibleAsync();

        await page.GoBackAsync();
        await page.GoBackAsync();
        Assert.Equal(Site.Url("/"), page.Url);
        await FollowReadAlsoAsync(page);
        AssertNoForeignRequests();
    }

    private static async Task FollowReadAlsoAsync(IPage page)
    {
        await page.GoForwardAsync();
        await page.Locator("aside.read-also a").ClickAsync();
        await Expect(page.Locator("article.story h1")).ToHaveTextAsync("Port-Aurel : le terminal à conteneurs retrouve ses volumes d’avant-crise");
    }
}
