using System.Net;

using AngleSharp.Dom;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Admin;

public abstract class RevisionTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task Every_save_keeps_a_revision_with_who_and_what()
    {
        var (browser, user) = await Site.SignedInAsAsync(Roles.Author, "Rita Revision");
        var id = await browser.CreateArticleAsync(TestArticles.UniqueHeadline("Revised story"));
        var fields = await browser.ReadArticleFormAsync(id);
        fields["Form.Body"] = "The first paragraph, now longer.";
        await browser.PostArticleAsync(id, fields, "publish");

        var revisions = await Site.RevisionsOfAsync(id);

        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        Assert.All(revisions, r => Assert.Equal(user.Id, r.UserId));
        Assert.All(revisions, r => Assert.Equal("Rita Revision", r.UserName));
        Assert.Equal(["created", "published"], revisions.Select(r => r.Action));
        var snapshot = ArticleSnapshot.Parse(revisions[1].Snapshot);
        Assert.Equal("The first paragraph, now longer.", snapshot.BodyMarkdown);
        Assert.Equal(ArticleStatus.Published, snapshot.Status);
    }

    [Fact]
    public async Task Saves_by_the_system_are_recorded_too()
    {
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("System story"));
        await Site.EditAsync(story.Id, a => a.Standfirst = "Changed by a script.");

        var revisions = await Site.RevisionsOfAsync(story.Id);

        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        Assert.All(revisions, r => Assert.Equal("system", r.UserName));
        Assert.Null(revisions[0].UserId);
    }

    [Fact]
    public async Task The_revision_page_shows_a_word_diff_between_any_two_revisions()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Editor);
        var id = await browser.CreateArticleAsync(TestArticles.UniqueHeadline("Diffed story"), body: "The harbour opens at dawn.\n\nSecond line stays.");
        var fields = await browser.ReadArticleFormAsync(id);
        fields["Form.Body"] = "The harbour opens at noon.\n\nSecond line stays.";
        await browser.PostArticleAsync(id, fields, "save");

        var page = await browser.GetDocumentAsync($"/admin/stories/{id}/revisions?from=1&to=2");

        var diff = page.QuerySelector(".diff")!;
        Assert.Equal("dawn.", diff.QuerySelector("del")!.TextContent);
        Assert.Equal("noon.", diff.QuerySelector("ins")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("table.revisions tbody tr").Length);
    }

    [Fact]
    public async Task Restoring_a_revision_brings_its_text_back_as_a_new_revision()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Author);
        var headline = TestArticles.UniqueHeadline("Restored story");
        var id = await browser.CreateArticleAsync(headline, body: "Original words.");
        var fields = await browser.ReadArticleFormAsync(id);
        fields["Form.Headline"] = "A worse headline";
        fields["Form.Body"] = "Worse words.";
        await browser.PostArticleAsync(id, fields, "save");

        var response = await browser.PostFormAsync($"/admin/stories/{id}/revisions?handler=Restore&number=1", [], formPath: $"/admin/stories/{id}/revisions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var story = await Site.LoadArticleAsync(id);
        Assert.Equal(headline, story.Headline);
        Assert.Equal("Original words.", story.BodyMarkdown);
        var revisions = await Site.RevisionsOfAsync(id);
        Assert.Equal(3, revisions.Count);
        Assert.Equal("restored revision 1", revisions[2].Action);
    }

    [Fact]
    public async Task A_stale_save_is_refused_shows_the_other_change_and_keeps_the_users_text()
    {
        var (first, _) = await Site.SignedInAsAsync(Roles.Editor, "First Editor");
        var (second, _) = await Site.SignedInAsAsync(Roles.Editor, "Second Editor");
        var id = await first.CreateArticleAsync(TestArticles.UniqueHeadline("Contested story"), body: "The council meets on Monday.");
        var mine = await first.ReadArticleFormAsync(id);
        var theirs = await second.ReadArticleFormAsync(id);
        theirs["Form.Body"] = "The council meets on Tuesday.";
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostArticleAsync(id, theirs, "save")).StatusCode);

        var myText = "My own careful rewrite " + Guid.NewGuid().ToString("N")[..8];
        mine["Form.Body"] = myText;
        var response = await first.PostArticleAsync(id, mine, "save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AngleSharpParse(await response.BodyAsync());
        var conflict = page.QuerySelector(".conflict")!;
        Assert.Contains("Second Editor", conflict.TextContent);
        Assert.Equal("Monday.", conflict.QuerySelector("del")!.TextContent);
        Assert.Equal("Tuesday.", conflict.QuerySelector("ins")!.TextContent);
        Assert.Equal(myText, ((AngleSharp.Html.Dom.IHtmlTextAreaElement)page.QuerySelector("textarea[name='Form.Body']")!).Value);
        Assert.Equal("The council meets on Tuesday.", (await Site.LoadArticleAsync(id)).BodyMarkdown);

        // Having seen the other change, saving again is a deliberate choice and goes through.
        var again = new Dictionary<string, string>
        {
            ["Form.Version"] = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Form.Version']")!.Value,
            ["Form.BaseRevision"] = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Form.BaseRevision']")!.Value,
            ["Form.Headline"] = mine["Form.Headline"],
            ["Form.Language"] = "en",
            ["Form.Body"] = myText,
        };
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostArticleAsync(id, again, "save")).StatusCode);
        Assert.Equal(myText, (await Site.LoadArticleAsync(id)).BodyMarkdown);
    }

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> AngleSharpParse(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(html, TestContext.Current.CancellationToken);
}

public sealed class RevisionTestsOnSqlite(SqliteSite site) : RevisionTests(site);

public sealed class RevisionTestsOnPostgres(PostgresSite site) : RevisionTests(site);
