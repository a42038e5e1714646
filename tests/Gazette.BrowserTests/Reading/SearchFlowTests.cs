using Gazette.BrowserTests.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Gazette.BrowserTests.Reading;

public sealed class SearchFlowTests(GazetteProcess site, Chromium chromium) : BrowserTest(site, chromium)
{
    [Theory]
    [InlineData("inondation", "Crue de la Sorle")] // the story says "inondations"
    [InlineData("éolienne", "Éolien en mer")] // the story says "éoliennes"
    public async Task Searching_from_the_header_finds_a_french_story_by_another_form_of_its_words(string word, string headlineStart)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Searchbox);
        await box.FillAsync(word);
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=**");
        await Expect(page.Locator("main a", new() { HasText = headlineStart }).First).ToBeVisibleAsync();
    }
}
