using System.Security.Claims;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Data;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin;

/// <summary>The signed-in newsroom member as the story pages need them: their rights and their name for revisions.</summary>
public sealed record NewsroomUser(ArticleRights Rights, Editor Editor)
{
    public static async Task<NewsroomUser> OfAsync(ClaimsPrincipal principal, UserManager<GazetteUser> users, GazetteDb db, CancellationToken cancellationToken)
    {
        var id = users.GetUserId(principal) ?? "";
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return new NewsroomUser(new ArticleRights(principal, id), new Editor(id, name ?? principal.Identity?.Name ?? "unknown"));
    }
}
