using System.Net;

using Gazette.Articles;
using Gazette.Comments;
using Gazette.Data;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Comments;

public abstract class CommentPostingTests(GazetteSite site) : SiteTest(site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Article Story, string Path)> ArticleAsync(string language = "en", Action<Article>? configure = null)
    {
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Comment test story"), article =>
        {
            article.Language = language;
            configure?.Invoke(article);
        });
        return (story, await Site.PathOfAsync(story));
    }

    [Fact]
    public async Task The_story_page_has_a_form_with_consent_a_hidden_trap_and_a_privacy_notice_in_its_language()
    {
        var (_, englishPath) = await ArticleAsync();
        var english = await Reader.GetDocumentAsync(englishPath);
        var form = english.QuerySelector("form#comment-form")!;
        Assert.NotNull(form);
        Assert.NotNull(form.QuerySelector("input[name='Form.Consent'][required]"));
        Assert.Equal("true", form.QuerySelector(".comment-trap")!.GetAttribute("aria-hidden"));
        Assert.Equal("-1", form.QuerySelector("input[name='Form.Extra']")!.GetAttribute("tabindex"));
        Assert.Contains("nothing you write is sent to another company", form.TextContent);
        Assert.Contains("30 days", form.TextContent);

        var (_, frenchPath) = await ArticleAsync("fr");
        var french = await Reader.GetDocumentAsync(frenchPath);
        var frenchForm = french.QuerySelector("form#comment-form")!;
        Assert.Contains("Laisser un commentaire", frenchForm.TextContent);
        Assert.Contains("rien de ce que vous écrivez n’est transmis", frenchForm.TextContent);
        Assert.DoesNotContain("Leave a comment", french.Body!.TextContent);
    }

    [Fact]
    public async Task A_first_comment_waits_for_moderation_and_the_story_says_so()
    {
        var (story, path) = await ArticleAsync();
        var page = await Reader.GetStringAsync(path, Ct);
        var token = CommentForms.TokenIn(page);
        await Task.Delay(10, Ct);
        // A token rendered long enough ago that the post is not "too fast".
        var response = await Reader.PostCommentAsync(CommentForms.Fields(story.Id, await Site.TokenAsync(story.Id), CommentForms.UniqueEmail()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{path}?comment=held#comments", response.Headers.Location!.OriginalString);
        var comment = Assert.Single(await Site.CommentsOnAsync(story.Id));
        Assert.Equal(CommentStatus.Pending, comment.Status);
        Assert.Contains(comment.ReasonList, r => r.Contains("first comment", StringComparison.Ordinal));
        var held = await Reader.GetDocumentAsync($"{path}?comment=held");
        Assert.Contains("awaits moderation", held.QuerySelector(".comment-notice")!.TextContent);
        Assert.Empty(held.QuerySelectorAll(".comment-list .comment"));
        Assert.NotEmpty(token);
    }

    [Fact]
    public async Task A_known_commenter_is_published_at_once_and_the_address_is_never_shown()
    {
        var (story, path) = await ArticleAsync();
        var email = CommentForms.UniqueEmail();
        await Site.AddApprovedAsync(story.Id, email);
        var response = await Reader.PostCommentAsync(CommentForms.Fields(story.Id, await Site.TokenAsync(story.Id), email.ToUpperInvariant(),
            "I think the council is right about the timetable change; the old one never worked for school runs."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var comment = (await Site.CommentsOnAsync(story.Id)).Last();
        Assert.True(comment.Status == CommentStatus.Approved, $"{comment.Status} {comment.SpamScore}: {comment.SpamReasons}");
        Assert.Equal(email, comment.Email);
        Assert.EndsWith($"#comment-{comment.Id}", response.Headers.Location!.OriginalString);
        var html = await Reader.GetStringAsync(path, Ct);
        Assert.Contains("school runs", html);
        Assert.DoesNotContain(email, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Comment_text_is_rendered_as_inert_plain_text_with_paragraphs_and_ugc_links()
    {
        var (story, path) = await ArticleAsync();
        var comment = await Site.AddApprovedAsync(story.Id, CommentForms.UniqueEmail(),
            "<script>alert('x')</script> <b>bold</b> <img src=x onerror=alert(1)>\n\nSee https://example.org/page?a=1&b=2. Thanks!");

        var html = await Reader.GetStringAsync(path, Ct);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b>bold</b>", html);
        var document = await Reader.GetDocumentAsync(path);
        var shown = document.QuerySelector($"#comment-{comment.Id} .comment-text")!;
        Assert.Equal(2, shown.QuerySelectorAll("p").Length);
        Assert.Contains("<script>alert('x')</script>", shown.TextContent);
        var link = Assert.Single(shown.QuerySelectorAll("a"));
        Assert.Equal("https://example.org/page?a=1&b=2", link.GetAttribute("href"));
        Assert.Equal("nofollow ugc", link.GetAttribute("rel"));
        Assert.Empty(shown.QuerySelectorAll("script, b, img"));
    }

    [Fact]
    public async Task Replies_nest_and_a_comment_change_reaches_the_change_feed_for_its_story()
    {
        var (story, path) = await ArticleAsync();
        var email = CommentForms.UniqueEmail();
        var parent = await Site.AddApprovedAsync(story.Id, email, "Top-level comment.");
        var fields = CommentForms.Fields(story.Id, await Site.TokenAsync(story.Id), email, "A reply to the first comment.");
        fields["Form.ParentId"] = parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await Reader.PostCommentAsync(fields)).StatusCode);

        var document = await Reader.GetDocumentAsync(path);
        var reply = document.QuerySelector($"#comment-{parent.Id} .comment-replies .comment")!;
        Assert.Contains("A reply to the first comment.", reply.TextContent);
        Assert.Equal("1", reply.GetAttribute("data-depth"));
        var replyForm = await Reader.GetDocumentAsync($"{path}?replyto={parent.Id}");
        Assert.Equal(parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            replyForm.QuerySelector("input[name='Form.ParentId']")!.GetAttribute("value"));

        var feed = await Site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().ChangeEvents.AsNoTracking()
            .Where(e => e.EntityType == GazetteDb.ArticleCommentsEvent && e.EntityId == story.Id).CountAsync(Ct));
        Assert.True(feed >= 2);
    }

    [Fact]
    public async Task The_honeypot_sends_a_comment_to_spam_and_a_hasty_one_waits_with_its_reason()
    {
        var (story, _) = await ArticleAsync();
        var email = CommentForms.UniqueEmail();
        await Site.AddApprovedAsync(story.Id, email);
        var trapped = CommentForms.Fields(story.Id, await Site.TokenAsync(story.Id), email, "Nice story, thanks for writing it.");
        trapped["Form.Extra"] = "http://cheap.example";
        Assert.Equal(HttpStatusCode.Redirect, (await Reader.PostCommentAsync(trapped)).StatusCode);
        var hasty = CommentForms.Fields(story.Id, await Site.TokenAsync(story.Id, secondsAgo: 0), email, "Another remark, sent far too quickly.");
        Assert.Equal(HttpStatusCode.Redirect, (await Reader.PostCommentAsync(hasty)).StatusCode);

        var comments = await Site.CommentsOnAsync(story.Id);
        var spam = comments.Single(c => c.Text.StartsWith("Nice story", StringComparison.Ordinal));
        Assert.Equal(CommentStatus.Spam, spam.Status);
        Assert.True(spam.SpamScore >= 0.9);
        Assert.Contains(spam.ReasonList, r => r.Contains("hidden field", StringComparison.Ordinal));
        var held = comments.Single(c => c.Text.StartsWith("Another remark", StringComparison.Ordinal));
        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Contains(held.ReasonList, r => r.Contains("after the form was shown", StringComparison.Ordinal));
    }
}

public sealed class CommentPostingTestsOnSqlite(SqliteSite site) : CommentPostingTests(site);

public sealed class CommentPostingTestsOnPostgres(PostgresSite site) : CommentPostingTests(site);
