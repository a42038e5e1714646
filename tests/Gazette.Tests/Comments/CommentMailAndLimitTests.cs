using System.Net;

using Gazette.Accounts;
using Gazette.Comments;
using Gazette.Tests.Infrastructure;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Comments;

public sealed class CommentMailAndLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_flood_from_one_address_gets_a_429_page_in_the_story_language()
    {
        await using var site = new ConfiguredSite(("Gazette:Comments:PostsPerIp", "3"), ("Gazette:Comments:PostsPerEmail", "1"));
        var story = await site.CreateAsync(TestArticles.UniqueHeadline("Flood story"), article => article.Language = "fr");
        var reader = site.CreateReader();
        var email = CommentForms.UniqueEmail();

        var first = await reader.PostCommentAsync(CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), email), "fr");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var sameAddress = await reader.PostCommentAsync(CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), email, "Encore un mot."), "fr");
        Assert.Equal(HttpStatusCode.TooManyRequests, sameAddress.StatusCode);
        Assert.Contains("Trop de commentaires", await sameAddress.BodyAsync());
        Assert.Equal(HttpStatusCode.Redirect,
            (await reader.PostCommentAsync(CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), CommentForms.UniqueEmail()), "fr")).StatusCode);

        var flooded = await reader.PostCommentAsync(CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), CommentForms.UniqueEmail()), "fr");
        Assert.Equal(HttpStatusCode.TooManyRequests, flooded.StatusCode);
        var body = await flooded.BodyAsync();
        Assert.Contains("<html lang=\"fr\"", body);
        Assert.Contains("Trop de commentaires ont été envoyés", body);
        Assert.NotNull(flooded.Headers.RetryAfter);
        Assert.Equal(2, (await site.CommentsOnAsync(story.Id)).Count);
        // Reading stories is never limited.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(await site.PathOfAsync(story), Ct)).StatusCode);
    }

    [Fact]
    public async Task Subscribers_hear_of_approved_replies_with_an_unsubscribe_link_and_the_newsroom_hears_of_new_comments()
    {
        await using var smtp = new SmtpReceiver();
        await using var site = new ConfiguredSite(("Gazette:Smtp:Host", "127.0.0.1"), ("Gazette:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Gazette:Smtp:UseTls", "false"), ("Gazette:Smtp:From", "newsroom@gazette.test"));
        var editor = await site.CreateUserAsync(Roles.Editor);
        var story = await site.CreateAsync(TestArticles.UniqueHeadline("Mail story"), article => article.Language = "fr");
        var reader = site.CreateReader();
        var subscriber = CommentForms.UniqueEmail();
        var answerer = CommentForms.UniqueEmail();

        var fields = CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), subscriber, "Une remarque sur le port, merci pour l'article.");
        fields["Form.NotifyReplies"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await reader.PostCommentAsync(fields, "fr")).StatusCode);
        var newsroomMail = await smtp.WaitForAsync(editor.Email!);
        Assert.Contains("Une remarque sur le port", newsroomMail.Data);
        var parent = Assert.Single(await site.CommentsOnAsync(story.Id));
        Assert.Equal(CommentStatus.Pending, parent.Status);

        // The moderator approves the subscriber's comment; a reply, once approved, is mailed to them.
        await site.WithScopeAsync(services => services.GetRequiredService<CommentModeration>().ApplyAsync([parent.Id], ModerationAction.Approve, null, Ct));
        var reply = CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), answerer, "Je ne suis pas d'accord avec vous sur ce point.");
        reply["Form.ParentId"] = parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await reader.PostCommentAsync(reply, "fr")).StatusCode);
        Assert.DoesNotContain(smtp.Messages, m => m.To.Contains(subscriber));
        var replyId = (await site.CommentsOnAsync(story.Id)).Single(c => c.ParentId == parent.Id).Id;
        await site.WithScopeAsync(services => services.GetRequiredService<CommentModeration>().ApplyAsync([replyId], ModerationAction.Approve, null, Ct));

        var mail = await smtp.WaitForAsync(subscriber);
        var message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data.Replace("\n", "\r\n", StringComparison.Ordinal))), Ct);
        Assert.StartsWith("Une réponse à votre commentaire", message.Subject);
        var unsubscribe = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"/comments/unsubscribe\?token=\S+").Value;
        Assert.NotEmpty(unsubscribe);
        Assert.Contains("Je ne suis pas d'accord", message.TextBody);
        Assert.DoesNotContain(answerer, message.TextBody);

        var confirm = await reader.GetDocumentAsync(unsubscribe);
        Assert.Contains("Arrêter les e-mails", confirm.QuerySelector("main form button")!.TextContent);
        var browser = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = Uri.UnescapeDataString(unsubscribe[(unsubscribe.IndexOf('=') + 1)..]);
        var done = await browser.PostFormAsync("/comments/unsubscribe", new() { ["token"] = token }, unsubscribe);
        Assert.Contains("vous ne recevrez plus", await done.BodyAsync());
        Assert.False((await site.CommentsOnAsync(story.Id)).Single(c => c.Id == parent.Id).NotifyReplies);
    }

    [Fact]
    public async Task Without_smtp_nothing_is_sent_and_nothing_fails_and_old_ip_hashes_are_dropped()
    {
        await using var site = new ConfiguredSite(("Gazette:Comments:CleanupInterval", "00:00:00"));
        var story = await site.CreateAsync(TestArticles.UniqueHeadline("No mail story"));
        var fields = CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), CommentForms.UniqueEmail());
        fields["Form.NotifyReplies"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateReader().PostCommentAsync(fields)).StatusCode);

        await site.WithDbAsync(async db =>
        {
            db.Comments.Add(new Comment
            {
                ArticleId = story.Id,
                AuthorName = "Old",
                Email = "old@example.org",
                Text = "Old comment.",
                IpHash = new string('a', 64),
                CreatedAt = DateTime.UtcNow.AddDays(-31),
            });
            db.Comments.Add(new Comment
            {
                ArticleId = story.Id,
                AuthorName = "Recent",
                Email = "recent@example.org",
                Text = "Recent comment.",
                IpHash = new string('b', 64),
                CreatedAt = DateTime.UtcNow.AddDays(-29),
            });
            await db.SaveChangesAsync(Ct);
        });
        var cleanup = site.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<CommentCleanup>().Single();
        Assert.Equal(1, await cleanup.RunOnceAsync(Ct));
        var comments = await site.CommentsOnAsync(story.Id);
        Assert.Null(comments.Single(c => c.AuthorName == "Old").IpHash);
        Assert.NotNull(comments.Single(c => c.AuthorName == "Recent").IpHash);
    }
}
