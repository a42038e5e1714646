using System.Net;
using System.Text.Json;

using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

using Gazette.Accounts;
using Gazette.Tags;
using Gazette.Tests.Admin;
using Gazette.Tests.Infrastructure;
using Gazette.Text;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Tests.Tags;

public abstract class TagSuggestionsTests(GazetteSite site) : SiteTest(site)
{
    private const string Headline = "Harbour Authority delays the new ferry terminal";

    private const string Body = """
        The Harbour Authority has delayed the new ferry terminal by two years, citing the rising cost of steel and a
        shortage of engineers. The ferry terminal was meant to open next spring on the eastern quay.

        Ferry operators said the delay would cost them passengers. "The old ferry terminal is too small for the new
        ships," said the head of the operators' association. The Harbour Authority promised a revised timetable.

        Local councillors asked the Harbour Authority to publish the full cost of the ferry terminal before the
        council votes on the harbour budget in March.
        """;

    private async Task EnsureTagAsync(string name) =>
        await Site.WithDbAsync(async db =>
        {
            if (!await db.Tags.AnyAsync(t => t.Name == name, TestContext.Current.CancellationToken))
            {
                db.Tags.Add(new Tag { Name = name, Slug = Slugs.Create(name) });
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
        });

    private static Dictionary<string, string> Fields(string headline = Headline, string tags = "") => new()
    {
        ["Form.Headline"] = headline,
        ["Form.Language"] = "en",
        ["Form.Body"] = Body,
        ["Form.Tags"] = tags,
    };

    [Fact]
    public async Task The_endpoint_suggests_keyphrases_with_matching_existing_tags_first()
    {
        await EnsureTagAsync("harbour authorities");
        var (editor, _) = await Site.SignedInAsAsync(Roles.Author);
        editor.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        var response = await editor.PostFormAsync("/admin/stories/new?handler=SuggestTags", Fields(), "/admin/stories/new");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var suggestions = JsonDocument.Parse(await response.BodyAsync()).RootElement.EnumerateArray()
            .Select(s => (Name: s.GetProperty("name").GetString()!, Existing: s.GetProperty("existing").GetBoolean())).ToList();
        Assert.InRange(suggestions.Count, 5, 10);
        Assert.Equal(("harbour authorities", true), suggestions[0]);
        Assert.Contains(suggestions, s => s.Name.Contains("ferry terminal", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(suggestions, s => s.Name.Equals("the", StringComparison.OrdinalIgnoreCase) || s.Name.Equals("said", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(suggestions.Count, suggestions.Select(s => s.Name.ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public async Task Without_script_the_button_shows_suggestions_and_keeps_the_unsaved_text()
    {
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var id = await editor.CreateArticleAsync(TestArticles.UniqueHeadline("Draft about the harbour"));
        var unsaved = TestArticles.UniqueHeadline(Headline);

        var response = await editor.PostFormAsync($"/admin/stories/{id}?handler=SuggestTags", Fields(unsaved, "Shipping"), $"/admin/stories/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.BodyAsync(), TestContext.Current.CancellationToken);
        Assert.Equal(unsaved, ((IHtmlInputElement)page.QuerySelector("input[name='Form.Headline']")!).Value);
        Assert.Contains("ferry terminal", ((IHtmlTextAreaElement)page.QuerySelector("textarea[name='Form.Body']")!).Value);
        var buttons = page.QuerySelectorAll("[data-tag-suggestions] button[name=addTag]").Select(b => b.GetAttribute("value")!).ToList();
        Assert.InRange(buttons.Count, 5, 10);

        var fields = Fields(unsaved, "Shipping");
        fields["addTag"] = buttons[0];
        var added = await editor.PostFormAsync($"/admin/stories/{id}?handler=SuggestTags", fields, $"/admin/stories/{id}");
        var again = await new HtmlParser().ParseDocumentAsync(await added.BodyAsync(), TestContext.Current.CancellationToken);
        Assert.Equal($"Shipping, {buttons[0]}", ((IHtmlInputElement)again.QuerySelector("input[name='Form.Tags']")!).Value);
        Assert.DoesNotContain(buttons[0], again.QuerySelectorAll("[data-tag-suggestions] button[name=addTag]").Select(b => b.GetAttribute("value")));
        // Nothing was saved.
        Assert.NotEqual(unsaved, (await Site.LoadArticleAsync(id)).Headline);
    }

    [Fact]
    public async Task Readers_cannot_ask_for_suggestions()
    {
        var response = await Reader.PostAsync("/admin/stories/new?handler=SuggestTags", new FormUrlEncodedContent(Fields()), TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class TagSuggestionsTestsOnSqlite(SqliteSite site) : TagSuggestionsTests(site);

public sealed class TagSuggestionsTestsOnPostgres(PostgresSite site) : TagSuggestionsTests(site);
