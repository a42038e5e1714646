using Gazette.Data;
using Gazette.Localization;
using Gazette.Site;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Comments;

/// <summary>
/// The link in every reply notification. Opening it only asks; the button does it, so a mail scanner that follows
/// links cannot unsubscribe anyone. The token is signed, names one comment, and needs no sign-in. The signed token is
/// the only permission, so the POST takes no antiforgery token: mail programs send a bare one-click POST (RFC 8058).
/// </summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(GazetteDb db, CommentNotifications notifications, SiteContext site) : GazettePageModel(site)
{
    public Labels Labels { get; private set; } = null!;
    public string? Token { get; private set; }
    public bool Valid { get; private set; }
    public bool Done { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken cancellationToken) => await LoadAsync(token, cancellationToken);

    public async Task OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        var comment = await LoadAsync(token, cancellationToken);
        if (comment is null)
            return;
        comment.NotifyReplies = false;
        await db.SaveChangesAsync(cancellationToken);
        Done = true;
    }

    private async Task<Comment?> LoadAsync(string? token, CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        var comment = notifications.ReadUnsubscribeToken(token) is { } id
            ? await db.Comments.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : null;
        Labels = Labels.For(comment?.Language ?? Site.Settings.DefaultLanguage);
        Token = token;
        Valid = comment is not null;
        SetMeta(new PageMeta { Title = $"{Labels["UnsubscribeTitle"]} – {Site.Settings.Title}", Language = Labels.Culture.Name, NoIndex = true });
        return comment;
    }
}
