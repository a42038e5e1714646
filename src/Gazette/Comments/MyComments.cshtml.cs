using Gazette.Localization;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Gazette.Comments;

/// <summary>
/// A commenter's own data: they give their address, receive a signed link that expires, and through it see, download
/// (JSON) and erase every comment written with that address. The page answers the same whether or not the address
/// has comments, so it tells nobody who comments here.
/// </summary>
public sealed class MyCommentsModel(CommentPrivacy privacy, CommentMailer mailer, SiteContext site, IOptions<CommentOptions> options)
    : GazettePageModel(site)
{
    public Labels Labels { get; private set; } = null!;
    public string Language { get; private set; } = "en";
    public string? Email { get; private set; }
    public string? Token { get; private set; }
    public IReadOnlyList<CommentPrivacy.StoredComment>? Comments { get; private set; }
    public string? Notice { get; private set; }
    public int LinkHours => (int)Math.Round(options.Value.PrivacyLinkLifetime.TotalHours);

    public async Task OnGetAsync(string? lang, string? token, CancellationToken cancellationToken)
    {
        await PrepareAsync(lang, cancellationToken);
        if (token is null)
            return;
        Email = privacy.ReadLinkToken(token);
        if (Email is null)
        {
            Notice = Labels["MyCommentsLinkExpired"];
            return;
        }
        Token = token;
        Comments = await privacy.FindAsync(Email, cancellationToken);
    }

    public async Task OnPostSendAsync(string? lang, string? email, CancellationToken cancellationToken)
    {
        await PrepareAsync(lang, cancellationToken);
        var normalized = CommentInput.NormalizeEmail(email);
        if (normalized is null)
        {
            Notice = Labels["CommentEmailInvalid"];
            return;
        }
        if ((await privacy.FindAsync(normalized, cancellationToken)).Count > 0)
        {
            var link = AbsoluteUrl(Addresses.MyComments(Language, privacy.LinkToken(normalized)));
            mailer.Send(normalized, Labels["MailPrivacySubject"], Labels.Format("MailPrivacyBody", link, Labels.Plural("HourCount", LinkHours)), Language);
        }
        Notice = Labels.Format("MyCommentsSent", Labels.Plural("HourCount", LinkHours));
    }

    public async Task<IActionResult> OnGetDownloadAsync(string? token, CancellationToken cancellationToken)
    {
        if (privacy.ReadLinkToken(token) is not { } email)
            return NotFound();
        return File(await privacy.ExportAsync(email, cancellationToken), "application/json", "my-comments.json");
    }

    public async Task OnPostEraseAsync(string? lang, string? token, CancellationToken cancellationToken)
    {
        await PrepareAsync(lang, cancellationToken);
        if (privacy.ReadLinkToken(token) is not { } email)
        {
            Notice = Labels["MyCommentsLinkExpired"];
            return;
        }
        var erased = await privacy.EraseAsync(email, cancellationToken);
        Notice = Labels.Plural("CommentsErased", erased);
    }

    private async Task PrepareAsync(string? lang, CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        Labels = Labels.For(lang is { Length: >= 2 and <= 35 } ? lang : Site.Settings.DefaultLanguage);
        Language = Labels.Culture.Name;
        SetMeta(new PageMeta { Title = $"{Labels["MyCommentsTitle"]} – {Site.Settings.Title}", Language = Language, NoIndex = true });
    }
}
