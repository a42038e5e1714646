using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

using Gazette.Accounts;
using Gazette.Data;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using MimeKit;

namespace Gazette.Tests.Comments;

/// <summary>The newsroom's "new comment" mails: who gets them, and the link (and List-Unsubscribe header) that stops them.</summary>
public sealed partial class StaffMailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ConfiguredSite SiteWithMail(SmtpReceiver smtp) => new(("Gazette:Smtp:Host", "127.0.0.1"),
        ("Gazette:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture)), ("Gazette:Smtp:UseTls", "false"),
        ("Gazette:Smtp:From", "newsroom@gazette.test"));

    private static MimeMessage Parse(SmtpReceiver.Message mail) =>
        MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.Data.Replace("\n", "\r\n", StringComparison.Ordinal))), Ct);

    [Fact]
    public async Task A_moderator_stops_comment_mails_with_the_one_click_link_and_gets_none_after_while_others_still_do()
    {
        await using var smtp = new SmtpReceiver();
        await using var site = SiteWithMail(smtp);
        var quitter = await site.CreateUserAsync(Roles.Editor);
        var colleague = await site.CreateUserAsync(Roles.Editor);
        var story = await site.CreateAsync(TestArticles.UniqueHeadline("Staff mail story"));
        var reader = site.CreateReader();

        var first = CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), CommentForms.UniqueEmail(), "A first remark on the harbour works.");
        Assert.Equal(HttpStatusCode.Redirect, (await reader.PostCommentAsync(first)).StatusCode);
        var message = Parse(await smtp.WaitForAsync(quitter.Email!));
        Assert.Contains("A first remark on the harbour works.", message.TextBody);
        var header = message.Headers["List-Unsubscribe"];
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var link = LinkInHeader().Match(header ?? "");
        Assert.True(link.Success, $"List-Unsubscribe: {header}");
        Assert.Contains(link.Groups[1].Value, message.TextBody);
        var path = new Uri(link.Groups[1].Value).PathAndQuery;

        // Opening the link only asks (mail scanners follow links); a bad token says so.
        var page = await reader.GetDocumentAsync(path);
        Assert.Contains(quitter.Email!, page.QuerySelector("main form")!.TextContent);
        Assert.True((await site.UserAsync(quitter.Id)).NotifyOfComments);
        Assert.Contains("not valid", (await reader.GetDocumentAsync("/admin/account/comment-mail?token=forged")).QuerySelector("main")!.TextContent);

        // A mail program's one-click POST: no cookie, no antiforgery token, no sign-in.
        var oneClick = await reader.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }), Ct);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.False((await site.UserAsync(quitter.Id)).NotifyOfComments);
        Assert.True((await site.UserAsync(colleague.Id)).NotifyOfComments);

        var second = CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), CommentForms.UniqueEmail(), "A second remark, on the ferry timetable.");
        Assert.Equal(HttpStatusCode.Redirect, (await reader.PostCommentAsync(second)).StatusCode);
        await WaitForAsync(() => smtp.Messages.Count(m => m.To.Any(to => to.Contains(colleague.Email!, StringComparison.OrdinalIgnoreCase))) == 2);
        Assert.Single(smtp.Messages, m => m.To.Any(to => to.Contains(quitter.Email!, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task My_account_turns_comment_mails_off_and_on_again()
    {
        await using var smtp = new SmtpReceiver();
        await using var site = SiteWithMail(smtp);
        var (browser, editor) = await site.SignedInAsAsync(Roles.Editor);
        var account = await browser.GetDocumentAsync("/admin/account");
        Assert.NotNull(account.QuerySelector("input[name=NotifyOfComments][checked]"));

        await browser.PostFormAsync("/admin/account", new() { ["DisplayName"] = "Quiet Editor", ["NotifyOfComments"] = "false" });
        Assert.False((await site.UserAsync(editor.Id)).NotifyOfComments);
        var story = await site.CreateAsync(TestArticles.UniqueHeadline("Quiet story"));
        var other = await site.CreateUserAsync(Roles.Administrator);
        var fields = CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), CommentForms.UniqueEmail());
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateReader().PostCommentAsync(fields)).StatusCode);
        await smtp.WaitForAsync(other.Email!);
        Assert.DoesNotContain(smtp.Messages, m => m.To.Any(to => to.Contains(editor.Email!, StringComparison.OrdinalIgnoreCase)));

        await browser.PostFormAsync("/admin/account", new() { ["DisplayName"] = "Quiet Editor", ["NotifyOfComments"] = "true" });
        Assert.True((await site.UserAsync(editor.Id)).NotifyOfComments);
    }

    [Fact]
    public async Task Reply_mails_to_readers_carry_a_one_click_list_unsubscribe_header_too()
    {
        await using var smtp = new SmtpReceiver();
        await using var site = SiteWithMail(smtp);
        var story = await site.CreateAsync(TestArticles.UniqueHeadline("Reader header story"));
        var subscriber = CommentForms.UniqueEmail();
        var parent = await site.AddApprovedAsync(story.Id, subscriber, "Please tell me when someone answers.");
        await site.WithDbAsync(async db =>
        {
            await db.Comments.Where(c => c.Id == parent.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.NotifyReplies, true), Ct);
        });
        var reply = CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), CommentForms.UniqueEmail(), "Here is an answer to your question.");
        reply["Form.ParentId"] = parent.Id.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateReader().PostCommentAsync(reply)).StatusCode);
        var replyId = (await site.CommentsOnAsync(story.Id)).Single(c => c.ParentId == parent.Id).Id;
        var (editor, _) = await site.SignedInAsAsync(Roles.Editor);
        await editor.PostFormAsync("/admin/comments?handler=Bulk",
            new() { ["ids"] = replyId.ToString(CultureInfo.InvariantCulture), ["moderate"] = "Approve", ["status"] = "Pending" }, "/admin/comments");

        var message = Parse(await smtp.WaitForAsync(subscriber));
        var link = LinkInHeader().Match(message.Headers["List-Unsubscribe"] ?? "");
        Assert.True(link.Success, $"List-Unsubscribe: {message.Headers["List-Unsubscribe"]}");
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var oneClick = await site.CreateReader().PostAsync(new Uri(link.Groups[1].Value).PathAndQuery,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }), Ct);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.False((await site.CommentsOnAsync(story.Id)).Single(c => c.Id == parent.Id).NotifyReplies);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
            await Task.Delay(50, Ct);
        Assert.True(condition(), "the expected mails did not arrive");
    }

    [GeneratedRegex("^<(https?://[^>]+)>$")]
    private static partial Regex LinkInHeader();
}

internal static class StaffUsers
{
    public static Task<GazetteUser> UserAsync(this GazetteSite site, string id) =>
        site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().Users.AsNoTracking().FirstAsync(u => u.Id == id, TestContext.Current.CancellationToken));
}
