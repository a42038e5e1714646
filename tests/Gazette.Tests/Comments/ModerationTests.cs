using System.Net;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Comments;
using Gazette.Data;
using Gazette.Tests.Admin;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Comments;

public abstract class ModerationTests(GazetteSite site) : SiteTest(site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Article Story, Comment Held)> HeldCommentAsync(string text = "A first comment that waits for a moderator.", Action<Article>? configure = null)
    {
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Moderated story"), configure);
        var response = await Reader.PostCommentAsync(CommentForms.Fields(story.Id, await Site.TokenAsync(story.Id), CommentForms.UniqueEmail(), text));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (story, Assert.Single(await Site.CommentsOnAsync(story.Id)));
    }

    [Fact]
    public async Task Editors_see_the_queue_with_counts_score_and_reasons_and_the_dashboard_count()
    {
        var (story, held) = await HeldCommentAsync();
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var page = await editor.GetDocumentAsync($"/admin/comments?status=Pending&story={story.Id}");
        var item = page.QuerySelector($"#comment-{held.Id}")!;
        Assert.NotNull(item);
        Assert.Contains("text classifier", item.QuerySelector(".spam-reasons")!.TextContent);
        Assert.NotNull(item.QuerySelector(".spam-score"));
        Assert.Contains("(1)", page.QuerySelector("nav.tabs a[aria-current=page]")!.TextContent);
        var dashboard = await editor.GetDocumentAsync("/admin");
        Assert.Contains("await", dashboard.QuerySelector(".comments-waiting")!.TextContent);
    }

    [Fact]
    public async Task Spam_and_not_spam_teach_the_filter_and_approve_publishes()
    {
        var (story, held) = await HeldCommentAsync();
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var ids = held.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var spam = await editor.PostFormAsync("/admin/comments?handler=Bulk", new() { ["ids"] = ids, ["moderate"] = "Spam", ["status"] = "Pending" }, "/admin/comments?status=Pending");
        Assert.Equal(HttpStatusCode.Redirect, spam.StatusCode);
        Assert.Equal(CommentStatus.Spam, (await Site.CommentsOnAsync(story.Id)).Single().Status);

        var notSpam = await editor.PostFormAsync("/admin/comments?handler=Bulk", new() { ["ids"] = ids, ["moderate"] = "NotSpam", ["status"] = "Spam" }, "/admin/comments?status=Spam");
        Assert.Equal(HttpStatusCode.Redirect, notSpam.StatusCode);
        Assert.Equal(CommentStatus.Approved, (await Site.CommentsOnAsync(story.Id)).Single().Status);

        var lessons = await Site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().SpamFeedback.AsNoTracking()
            .Where(f => f.CommentId == held.Id).OrderBy(f => f.Id).Select(f => f.IsSpam).ToListAsync(Ct));
        Assert.Equal([true, false], lessons);
        var shown = await Reader.GetDocumentAsync(await Site.PathOfAsync(story));
        Assert.NotNull(shown.QuerySelector($"#comment-{held.Id}"));
    }

    [Fact]
    public async Task A_staff_reply_is_published_at_once_with_a_badge()
    {
        var (story, held) = await HeldCommentAsync();
        await Site.WithScopeAsync(services => services.GetRequiredService<CommentModeration>().ApplyAsync([held.Id], ModerationAction.Approve, null, Ct));
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor, "Desk Editor");
        var reply = await editor.PostFormAsync("/admin/comments?handler=Reply",
            new() { ["parentId"] = held.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["text"] = "Thank you, we have corrected the figure.", ["status"] = "Approved" },
            "/admin/comments?status=Approved");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);

        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(story));
        var staff = page.QuerySelector($"#comment-{held.Id} .comment-replies .comment-staff")!;
        Assert.Contains("Thank you, we have corrected the figure.", staff.TextContent);
        Assert.Contains("Newsroom", staff.QuerySelector(".comment-badge")!.TextContent);
        Assert.Contains("Desk Editor", staff.TextContent);
    }

    [Fact]
    public async Task A_staff_reply_to_a_held_comment_approves_it_and_both_appear()
    {
        var (story, held) = await HeldCommentAsync("A question for the newsroom that waits for a moderator.");
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor, "Reply Editor");
        var reply = await editor.PostFormAsync("/admin/comments?handler=Reply",
            new() { ["parentId"] = held.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["text"] = "Good question: the answer is in the second paragraph.", ["status"] = "Pending" },
            "/admin/comments?status=Pending");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);

        var comments = await Site.CommentsOnAsync(story.Id);
        var parent = comments.Single(c => c.Id == held.Id);
        Assert.Equal(CommentStatus.Approved, parent.Status);
        Assert.NotNull(parent.ApprovedAt);
        Assert.Equal(CommentStatus.Approved, comments.Single(c => c.ParentId == held.Id).Status);
        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(story));
        Assert.Contains("A question for the newsroom", page.QuerySelector($"#comment-{held.Id}")!.TextContent);
        Assert.Contains("second paragraph", page.QuerySelector($"#comment-{held.Id} .comment-replies .comment-staff")!.TextContent);
    }

    [Fact]
    public async Task Authors_see_only_comments_on_their_own_stories_and_contributors_none()
    {
        var (author, authorUser) = await Site.SignedInAsAsync(Roles.Author);
        var (own, ownComment) = await HeldCommentAsync(configure: article => article.CreatedByUserId = authorUser.Id);
        var (_, otherComment) = await HeldCommentAsync();
        var page = await author.GetDocumentAsync("/admin/comments?status=Pending");
        Assert.NotNull(page.QuerySelector($"#comment-{ownComment.Id}"));
        Assert.Null(page.QuerySelector($"#comment-{otherComment.Id}"));
        await author.PostFormAsync("/admin/comments?handler=Bulk",
            new() { ["ids"] = otherComment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["moderate"] = "Approve", ["status"] = "Pending" },
            "/admin/comments?status=Pending");
        Assert.Equal(CommentStatus.Pending, (await Site.CommentsOnAsync(otherComment.ArticleId)).Single().Status);

        var (contributor, _) = await Site.SignedInAsAsync(Roles.Contributor);
        ArticleForms.AssertDenied(await contributor.GetAsync("/admin/comments", Ct));
        Assert.NotNull(own);
    }

    [Fact]
    public async Task A_reader_sees_downloads_and_erases_their_comments_through_a_signed_link_and_replies_keep_their_place()
    {
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Privacy story"));
        var email = CommentForms.UniqueEmail();
        var mine = await Site.AddApprovedAsync(story.Id, email, "My words about the bridge.");
        var reply = await Site.AddApprovedAsync(story.Id, CommentForms.UniqueEmail(), "Someone else's answer.", mine.Id);

        var browser = Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var asked = await browser.PostFormAsync("/comments/mine?handler=Send", new() { ["email"] = email, ["lang"] = "en" }, "/comments/mine");
        Assert.Contains("a link is on its way", await asked.BodyAsync());

        var token = await Site.WithScopeAsync(services => Task.FromResult(services.GetRequiredService<CommentPrivacy>().LinkToken(email)));
        var link = $"/comments/mine?lang=en&token={Uri.EscapeDataString(token)}";
        var page = await browser.GetDocumentAsync(link);
        Assert.Contains("My words about the bridge.", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Someone else's answer.", page.QuerySelector("main")!.TextContent);
        var json = await browser.GetStringAsync($"/comments/mine?handler=Download&token={Uri.EscapeDataString(token)}", Ct);
        Assert.Contains("My words about the bridge.", json);
        Assert.Contains(email, json);

        var forged = await browser.GetDocumentAsync("/comments/mine?lang=en&token=forged");
        Assert.Contains("This link has expired or is not valid.", forged.QuerySelector("main")!.TextContent);

        var erased = await browser.PostFormAsync("/comments/mine?handler=Erase", new() { ["token"] = token, ["lang"] = "en" }, link);
        Assert.Contains("1 comment erased.", await erased.BodyAsync());
        var stored = (await Site.CommentsOnAsync(story.Id)).Single(c => c.Id == mine.Id);
        Assert.Equal(("", "", "", (string?)null), (stored.AuthorName, stored.Email, stored.Text, stored.IpHash));
        var storyPage = await Reader.GetDocumentAsync(await Site.PathOfAsync(story));
        Assert.Contains("Comment removed.", storyPage.QuerySelector($"#comment-{mine.Id}")!.TextContent);
        Assert.NotNull(storyPage.QuerySelector($"#comment-{mine.Id} #comment-{reply.Id}"));
    }

    [Fact]
    public async Task Administrators_export_and_erase_by_address()
    {
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Admin privacy story"));
        var email = CommentForms.UniqueEmail();
        await Site.AddApprovedAsync(story.Id, email, "Words to be exported.");
        var (admin, _) = await Site.SignedInAsAsync(Roles.Administrator);

        var export = await admin.PostFormAsync("/admin/comments/privacy?handler=Export", new() { ["Email"] = email }, "/admin/comments/privacy");
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Words to be exported.", await export.Content.ReadAsStringAsync(Ct));

        var erase = await admin.PostFormAsync("/admin/comments/privacy?handler=Erase", new() { ["Email"] = email, ["Confirm"] = "true" }, "/admin/comments/privacy");
        Assert.Contains("1 comment of", await erase.BodyAsync());
        Assert.NotNull(Assert.Single(await Site.CommentsOnAsync(story.Id)).ErasedAt);

        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        ArticleForms.AssertDenied(await editor.GetAsync("/admin/comments/privacy", Ct));
    }
}

public sealed class ModerationTestsOnSqlite(SqliteSite site) : ModerationTests(site);

public sealed class ModerationTestsOnPostgres(PostgresSite site) : ModerationTests(site);
