using System.Globalization;
using System.Net;

using Gazette.Accounts;
using Gazette.Comments;
using Gazette.Tests.Admin;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Comments;

/// <summary>What touches only the test's own story, so it runs on the shared sites: the editor's switch and duplicates.</summary>
public abstract class CommentSwitchTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task The_editors_switch_closes_and_reopens_comments_on_one_story()
    {
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Switch story"));
        var path = await Site.PathOfAsync(story);
        var token = CommentForms.TokenIn(await Reader.GetStringAsync(path, TestContext.Current.CancellationToken));

        var fields = await editor.ReadArticleFormAsync(story.Id);
        Assert.Contains("type=\"checkbox\"", (await editor.GetDocumentAsync($"/admin/stories/{story.Id}")).QuerySelector("input[name='Form.CommentsOpen'][checked]")!.OuterHtml);
        fields["Form.CommentsOpen"] = "false";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostArticleAsync(story.Id, fields, "save")).StatusCode);
        Assert.False((await Site.LoadArticleAsync(story.Id)).CommentsOpen);
        Assert.Null((await editor.GetDocumentAsync($"/admin/stories/{story.Id}")).QuerySelector("input[name='Form.CommentsOpen'][checked]"));

        var closed = await Reader.GetDocumentAsync(path);
        Assert.Null(closed.QuerySelector("form#comment-form"));
        Assert.Contains("Comments are closed on this story.", closed.QuerySelector("#comments")!.TextContent);
        // A form rendered before the editor closed the story is refused too, and nothing is stored.
        // Texts of their own: the shared site's other tests hold a repeated text as a duplicate.
        const string text = "The switch story deserves a word or two about the closing rules.";
        var late = await Reader.PostCommentAsync(CommentForms.Fields(story.Id, await Site.TokenAsync(story.Id), CommentForms.UniqueEmail(), text));
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Empty(await Site.CommentsOnAsync(story.Id));

        fields = await editor.ReadArticleFormAsync(story.Id);
        fields["Form.CommentsOpen"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostArticleAsync(story.Id, fields, "save")).StatusCode);
        Assert.NotNull((await Reader.GetDocumentAsync(path)).QuerySelector("form#comment-form"));
        var posted = await Reader.PostCommentAsync(CommentForms.Fields(story.Id, token, CommentForms.UniqueEmail(), $"{text} {story.Headline}"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Single(await Site.CommentsOnAsync(story.Id));
    }

    [Fact]
    public async Task The_same_text_as_a_recent_comment_is_held_on_that_signal_alone()
    {
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Duplicate story"));
        // Known commenters, harmless words, a form shown half a minute earlier: nothing but the repetition is suspect.
        var text = $"The harbour walk was lovely this morning, thank you for the piece number {Random.Shared.Next(100_000, 999_999)}.";
        var first = CommentForms.UniqueEmail();
        var second = CommentForms.UniqueEmail();
        await Site.AddApprovedAsync(story.Id, first);
        await Site.AddApprovedAsync(story.Id, second);

        await Reader.PostCommentAsync(CommentForms.Fields(story.Id, await Site.TokenAsync(story.Id), first, text));
        var original = (await Site.CommentsOnAsync(story.Id)).Last();
        Assert.True(original.Status == CommentStatus.Approved, original.SpamReasons);
        Assert.DoesNotContain(original.ReasonList, r => r.Contains("same text", StringComparison.Ordinal));

        await Reader.PostCommentAsync(CommentForms.Fields(story.Id, await Site.TokenAsync(story.Id), second, text));
        var copy = (await Site.CommentsOnAsync(story.Id)).Last();
        Assert.Equal(CommentStatus.Pending, copy.Status);
        Assert.Contains(copy.ReasonList, r => r.StartsWith("same text as a recent comment (+0.70)", StringComparison.Ordinal));
        // Every other reason is the classifier's (weak) verdict or the standing of the commenter, not a second signal.
        Assert.All(copy.ReasonList.Where(r => !r.StartsWith("same text", StringComparison.Ordinal)),
            r => Assert.True(r.StartsWith("text classifier", StringComparison.Ordinal) || r.StartsWith("known commenter", StringComparison.Ordinal), r));
        Assert.True(copy.SpamScore is >= CommentScreening.HoldAt and < CommentScreening.SpamAt, copy.SpamScore.ToString(CultureInfo.InvariantCulture));

        // A different text from the same commenter, a moment later, is published as before.
        await Reader.PostCommentAsync(CommentForms.Fields(story.Id, await Site.TokenAsync(story.Id), second, text.Replace("lovely", "windy", StringComparison.Ordinal)));
        Assert.Equal(CommentStatus.Approved, (await Site.CommentsOnAsync(story.Id)).Last().Status);
    }
}

public sealed class CommentSwitchTestsOnSqlite(SqliteSite site) : CommentSwitchTests(site);

public sealed class CommentSwitchTestsOnPostgres(PostgresSite site) : CommentSwitchTests(site);
