using System.Net;

using Gazette.Accounts;
using Gazette.Tests.Comments;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Localization;

/// <summary>Mail to the newsroom is written in each member's interface language, whatever the story's language.</summary>
public sealed class NewsroomMailLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_member_hears_of_a_new_comment_in_their_own_language()
    {
        await using var smtp = new SmtpReceiver();
        await using var site = new ConfiguredSite(("Gazette:Smtp:Host", "127.0.0.1"), ("Gazette:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Gazette:Smtp:UseTls", "false"), ("Gazette:Smtp:From", "newsroom@gazette.test"));
        var german = await site.CreateUserAsync(Roles.Editor);
        var english = await site.CreateUserAsync(Roles.Editor);
        await site.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync([german.Id], Ct))!.InterfaceLanguage = "de";
            await db.SaveChangesAsync(Ct);
        });
        var story = await site.CreateAsync(TestArticles.UniqueHeadline("Brückengeschichte"), article => article.Language = "fr");
        var fields = CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), CommentForms.UniqueEmail(), "Une remarque sur le pont, merci.");
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateReader().PostCommentAsync(fields, "fr")).StatusCode);

        var toGerman = await ParseAsync(await smtp.WaitForAsync(german.Email!));
        Assert.StartsWith("Neuer Kommentar zu „", toGerman.Subject);
        Assert.Contains("wartet auf Moderation", toGerman.TextBody);
        Assert.Contains("Une remarque sur le pont", toGerman.TextBody);
        // MimeKit files Content-* headers under the body part when it parses a message.
        Assert.Equal("de", toGerman.Body?.Headers["Content-Language"] ?? toGerman.Headers["Content-Language"]);

        var toEnglish = await ParseAsync(await smtp.WaitForAsync(english.Email!));
        Assert.StartsWith("New comment on \"", toEnglish.Subject);
        Assert.Contains("waiting for moderation", toEnglish.TextBody);
    }

    private static Task<MimeKit.MimeMessage> ParseAsync(SmtpReceiver.Message mail) =>
        MimeKit.MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data.Replace("\n", "\r\n", StringComparison.Ordinal))), Ct);
}
