using Gazette.Accounts;
using Gazette.Comments;
using Gazette.Data;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Account;

/// <summary>
/// The link in each "new comment" mail to the newsroom: stops those mails for its user. Opening it only asks, the
/// button does it (mail scanners follow links). The signed token is the permission, so no sign-in and no antiforgery
/// token are needed, and mail programs can send their one-click POST (RFC 8058) to the same address.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class CommentMailModel(GazetteDb db, CommentNotifications notifications) : PageModel
{
    public string? Token { get; private set; }
    public string? Email { get; private set; }
    public bool Done { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken cancellationToken) => await LoadAsync(token, cancellationToken);

    public async Task OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        var user = await LoadAsync(token, cancellationToken);
        if (user is null)
            return;
        user.NotifyOfComments = false;
        await db.SaveChangesAsync(cancellationToken);
        Done = true;
    }

    private async Task<GazetteUser?> LoadAsync(string? token, CancellationToken cancellationToken)
    {
        ViewData["Title"] = Localization.NewsroomLabels.Current["CommentMailHeading"];
        Token = token;
        var user = notifications.ReadStaffUnsubscribeToken(token) is { } userId
            ? await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
            : null;
        Email = user?.Email;
        return user;
    }
}
