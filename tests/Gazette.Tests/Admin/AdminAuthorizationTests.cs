using System.Net;

using Gazette.Accounts;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Admin;

/// <summary>Every page and action of the editor: anonymous visitors are sent to sign in, roles without the right are refused.</summary>
public abstract class AdminAuthorizationTests(GazetteSite site) : SiteTest(site)
{
    public static TheoryData<string> Pages() =>
    [
        "/admin", "/admin/stories", "/admin/stories/new", "/admin/stories/1", "/admin/stories/1/revisions",
        "/admin/stories/trash", "/admin/stories/preview/1", "/admin/sections", "/admin/tags", "/admin/api/stories?q=port",
    ];

    public static TheoryData<string> Actions() =>
    [
        "/admin/stories/new", "/admin/stories/1", "/admin/stories/1?handler=Delete", "/admin/stories/1/revisions?handler=Restore&number=1",
        "/admin/stories/trash?handler=Restore&id=1", "/admin/stories/preview", "/admin/sections?handler=Create", "/admin/sections?handler=Delete&id=1",
        "/admin/sections?handler=Move&id=1&by=1", "/admin/sections?handler=Rename&id=1", "/admin/tags?handler=Create", "/admin/tags?handler=Rename&id=1",
        "/admin/tags?handler=Merge&id=1", "/admin/tags?handler=Delete&id=1",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        ArticleForms.AssertSignInAsked(await Reader.GetAsync(path, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Anonymous_posts_are_sent_to_sign_in(string path)
    {
        var response = await Reader.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Headline"] = "x" }), TestContext.Current.CancellationToken);

        ArticleForms.AssertSignInAsked(response);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_signed_in_user_without_a_newsroom_role_is_refused(string path)
    {
        var (browser, _) = await Site.SignedInAsAsync(null);

        ArticleForms.AssertDenied(await browser.GetAsync(path, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(Roles.Contributor, "/admin/sections")]
    [InlineData(Roles.Contributor, "/admin/tags")]
    [InlineData(Roles.Author, "/admin/sections")]
    [InlineData(Roles.Author, "/admin/tags")]
    public async Task Sections_and_tags_are_for_editors(string role, string path)
    {
        var (browser, _) = await Site.SignedInAsAsync(role);

        ArticleForms.AssertDenied(await browser.GetAsync(path, TestContext.Current.CancellationToken));
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Contributor)]
    [InlineData(Roles.Author)]
    public async Task Contributors_and_authors_cannot_open_or_change_another_persons_story(string role)
    {
        var (owner, _) = await Site.SignedInAsAsync(Roles.Author);
        var id = await owner.CreateArticleAsync(TestArticles.UniqueHeadline("Someone else's story"));
        var (browser, _) = await Site.SignedInAsAsync(role);
        var fields = await owner.ReadArticleFormAsync(id);

        ArticleForms.AssertDenied(await browser.GetAsync($"/admin/stories/{id}", TestContext.Current.CancellationToken));
        ArticleForms.AssertDenied(await browser.GetAsync($"/admin/stories/{id}/revisions", TestContext.Current.CancellationToken));
        ArticleForms.AssertDenied(await browser.GetAsync($"/admin/stories/preview/{id}", TestContext.Current.CancellationToken));
        fields["Form.Headline"] = "Taken over";
        ArticleForms.AssertDenied(await browser.PostFormAsync($"/admin/stories/{id}", new(fields) { ["action"] = "save" }, formPath: "/admin/stories/new"));
        ArticleForms.AssertDenied(await browser.PostFormAsync($"/admin/stories/{id}?handler=Delete", [], formPath: "/admin/stories/new"));
        Assert.DoesNotContain("Taken over", (await Site.LoadArticleAsync(id)).Headline);
    }

    [Fact]
    public async Task The_story_list_shows_contributors_only_their_own_stories_and_editors_all()
    {
        var (author, _) = await Site.SignedInAsAsync(Roles.Author);
        var headline = TestArticles.UniqueHeadline("Listed story");
        await author.CreateArticleAsync(headline);
        var (contributor, _) = await Site.SignedInAsAsync(Roles.Contributor);
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var query = "/admin/stories?q=" + Uri.EscapeDataString(headline);

        var link = $">{headline}</a>";
        Assert.Contains(link, await author.GetStringAsync(query, TestContext.Current.CancellationToken));
        Assert.DoesNotContain(link, await contributor.GetStringAsync(query, TestContext.Current.CancellationToken));
        Assert.Contains(link, await editor.GetStringAsync(query, TestContext.Current.CancellationToken));
    }
}

public sealed class AdminAuthorizationTestsOnSqlite(SqliteSite site) : AdminAuthorizationTests(site);

public sealed class AdminAuthorizationTestsOnPostgres(PostgresSite site) : AdminAuthorizationTests(site);
