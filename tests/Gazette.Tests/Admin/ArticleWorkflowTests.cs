using System.Net;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Admin;

public abstract class ArticleWorkflowTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task A_contributor_saves_a_draft_and_submits_it_for_review()
    {
        var (browser, user) = await Site.SignedInAsAsync(Roles.Contributor);
        var id = await browser.CreateArticleAsync(TestArticles.UniqueHeadline("Contributor draft"));

        var draft = await Site.LoadArticleAsync(id);
        Assert.Equal(ArticleStatus.Draft, draft.Status);
        Assert.Equal(user.Id, draft.CreatedByUserId);

        var response = await browser.PostArticleAsync(id, await browser.ReadArticleFormAsync(id), "submit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ArticleStatus.InReview, (await Site.LoadArticleAsync(id)).Status);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("schedule")]
    [InlineData("unpublish")]
    public async Task A_contributor_cannot_publish_even_by_crafting_the_post(string action)
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Contributor);
        var id = await browser.CreateArticleAsync(TestArticles.UniqueHeadline("Crafted post"));
        var fields = await browser.ReadArticleFormAsync(id);
        fields["Form.ScheduleDate"] = "2031-01-01";
        fields["Form.ScheduleTime"] = "10:00";

        ArticleForms.AssertDenied(await browser.PostArticleAsync(id, fields, action));
        ArticleForms.AssertDenied(await browser.PostFormAsync("/admin/stories/new", new() { ["Form.Headline"] = "New and published", ["Form.Language"] = "en", ["action"] = "publish" }));
        Assert.Equal(ArticleStatus.Draft, (await Site.LoadArticleAsync(id)).Status);
        Assert.DoesNotContain("value=\"publish\"", await browser.GetStringAsync($"/admin/stories/{id}", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_contributor_cannot_change_a_story_once_it_is_published()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Contributor);
        var id = await browser.CreateArticleAsync(TestArticles.UniqueHeadline("Goes out"));
        var fields = await browser.ReadArticleFormAsync(id);
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostArticleAsync(id, await editor.ReadArticleFormAsync(id), "publish")).StatusCode);

        fields["Form.Headline"] = "Changed after publication";
        ArticleForms.AssertDenied(await browser.PostArticleAsync(id, fields, "save"));
        Assert.Contains("only an author or an editor can change it", await browser.GetStringAsync($"/admin/stories/{id}", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_author_publishes_their_own_story_but_not_another_authors()
    {
        var (author, _) = await Site.SignedInAsAsync(Roles.Author);
        var own = await author.CreateArticleAsync(TestArticles.UniqueHeadline("Author's own"));
        var (other, _) = await Site.SignedInAsAsync(Roles.Author);
        var theirs = await other.CreateArticleAsync(TestArticles.UniqueHeadline("Another author's"));

        Assert.Equal(HttpStatusCode.Redirect, (await author.PostArticleAsync(own, await author.ReadArticleFormAsync(own), "publish")).StatusCode);
        var published = await Site.LoadArticleAsync(own);
        Assert.Equal(ArticleStatus.Published, published.Status);
        Assert.Equal(HttpStatusCode.OK, (await Reader.GetAsync(await Site.PathOfAsync(published), TestContext.Current.CancellationToken)).StatusCode);

        ArticleForms.AssertDenied(await author.PostFormAsync($"/admin/stories/{theirs}", new(await other.ReadArticleFormAsync(theirs)) { ["action"] = "publish" }, formPath: "/admin/stories/new"));
        Assert.Equal(ArticleStatus.Draft, (await Site.LoadArticleAsync(theirs)).Status);
    }

    [Fact]
    public async Task An_editor_publishes_and_unpublishes_anyones_story()
    {
        var (contributor, _) = await Site.SignedInAsAsync(Roles.Contributor);
        var id = await contributor.CreateArticleAsync(TestArticles.UniqueHeadline("Edited by the desk"));
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostArticleAsync(id, await editor.ReadArticleFormAsync(id), "publish")).StatusCode);
        var published = await Site.LoadArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, published.Status);
        var path = await Site.PathOfAsync(published);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostArticleAsync(id, await editor.ReadArticleFormAsync(id), "unpublish")).StatusCode);
        Assert.Equal(ArticleStatus.Unpublished, (await Site.LoadArticleAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_schedule_is_read_in_the_sites_time_zone()
    {
        var (author, _) = await Site.SignedInAsAsync(Roles.Author);
        var id = await author.CreateArticleAsync(TestArticles.UniqueHeadline("Scheduled in Paris"));
        var fields = await author.ReadArticleFormAsync(id);
        fields["Form.ScheduleDate"] = "2030-06-15";
        fields["Form.ScheduleTime"] = "11:48";

        Assert.Equal(HttpStatusCode.Redirect, (await author.PostArticleAsync(id, fields, "schedule")).StatusCode);

        var scheduled = await Site.LoadArticleAsync(id);
        Assert.Equal(ArticleStatus.Scheduled, scheduled.Status);
        Assert.Equal(new DateTime(2030, 6, 15, 9, 48, 0, DateTimeKind.Utc), scheduled.PublishedAt);
        var form = await author.ReadArticleFormAsync(id);
        Assert.Equal("2030-06-15", form["Form.ScheduleDate"]);
        Assert.Equal("11:48", form["Form.ScheduleTime"]);
    }

    [Fact]
    public async Task A_schedule_in_the_past_is_refused_with_a_message()
    {
        var (author, _) = await Site.SignedInAsAsync(Roles.Author);
        var id = await author.CreateArticleAsync(TestArticles.UniqueHeadline("Scheduled too late"));
        var fields = await author.ReadArticleFormAsync(id);
        fields["Form.ScheduleDate"] = "2020-01-01";
        fields["Form.ScheduleTime"] = "08:00";

        var response = await author.PostArticleAsync(id, fields, "schedule");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is in the past", await response.BodyAsync());
        Assert.Equal(ArticleStatus.Draft, (await Site.LoadArticleAsync(id)).Status);
    }

    [Fact]
    public async Task An_empty_headline_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Author);
        var body = "Words that must stay " + Guid.NewGuid().ToString("N");

        var response = await browser.PostFormAsync("/admin/stories/new", new() { ["Form.Headline"] = " ", ["Form.Language"] = "en", ["Form.Body"] = body, ["action"] = "save" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("A story needs a headline.", html);
        Assert.Contains(body, html);
        Assert.Equal(0, await Site.CountArticlesWithBodyAsync(body));
    }

    [Fact]
    public async Task A_figure_without_alternative_text_is_refused()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Author);
        var id = await browser.CreateArticleAsync(TestArticles.UniqueHeadline("Figure story"));
        var fields = await browser.ReadArticleFormAsync(id);
        fields["Form.FigureUrl"] = "/media/demo/ferry.jpg";

        var response = await browser.PostArticleAsync(id, fields, "save");

        Assert.Contains("alternative text", await response.BodyAsync());
        Assert.Null((await Site.LoadArticleAsync(id)).FeaturedFigure);
    }

    [Fact]
    public async Task Tags_and_authors_are_saved_in_order_and_new_tags_created()
    {
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var demo = await Site.CreateAsync(TestArticles.UniqueHeadline("Byline source"), authors: ["Ada Byline", "Bob Byline"]);
        var id = await editor.CreateArticleAsync(TestArticles.UniqueHeadline("Tagged story"));
        var fields = await editor.ReadArticleFormAsync(id);
        var newTag = "Brand new tag " + Guid.NewGuid().ToString("N")[..6];
        fields["Form.Tags"] = $"{newTag}, Harbour";
        fields["Form.AuthorIds[0]"] = demo.Authors[1].AuthorId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Form.AuthorIds[1]"] = demo.Authors[0].AuthorId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostArticleAsync(id, fields, "save")).StatusCode);

        var story = await Site.LoadArticleAsync(id);
        Assert.Contains(story.Tags, t => t.Name == newTag);
        Assert.Equal([demo.Authors[1].AuthorId, demo.Authors[0].AuthorId], story.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId));
    }

    [Fact]
    public async Task Preview_renders_the_form_with_the_public_pages_markup_without_saving()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Contributor);
        var id = await browser.CreateArticleAsync(TestArticles.UniqueHeadline("Previewed"));
        var fields = await browser.ReadArticleFormAsync(id);
        var unsaved = "Unsaved headline " + Guid.NewGuid().ToString("N")[..8];
        fields["Form.Headline"] = unsaved;
        fields["Form.Body"] = "Some **bold** preview words.";

        var response = await browser.PostFormAsync($"/admin/stories/preview/{id}", fields, formPath: $"/admin/stories/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("Preview", html);
        Assert.Contains($"<h1 class=\"story-headline\">{unsaved}</h1>", html);
        Assert.Contains("<strong>bold</strong>", html);
        Assert.NotEqual(unsaved, (await Site.LoadArticleAsync(id)).Headline);
        Assert.Single(await Site.RevisionsOfAsync(id));
    }
}

public sealed class ArticleWorkflowTestsOnSqlite(SqliteSite site) : ArticleWorkflowTests(site);

public sealed class ArticleWorkflowTestsOnPostgres(PostgresSite site) : ArticleWorkflowTests(site);
