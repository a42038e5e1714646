using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Data;
using Gazette.Localization;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Articles;

/// <summary>
/// Deleted stories of the last 30 days, with Restore. Older ones are purged for good when this page loads: no
/// background job to run, and nobody can see or restore them in between anyway.
/// </summary>
public sealed class TrashModel(GazetteDb db, ArticleEditor editor, UserManager<GazetteUser> users, TimeProvider clock) : PageModel
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    public sealed record Row(int Id, string Headline, ArticleStatus Status, DateTime DeletedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Purged { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = NewsroomLabels.Current["Trash"];
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - KeptFor;
        // Bylines, tag links, revisions and redirects go with the story (ON DELETE CASCADE).
        Purged = await db.Articles.IgnoreQueryFilters().Where(a => a.DeletedAt != null && a.DeletedAt < expired).ExecuteDeleteAsync(cancellationToken);
        var me = await NewsroomUser.OfAsync(User, users, db, cancellationToken);
        var deleted = db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.DeletedAt != null);
        if (!me.Rights.EditsAll)
            deleted = deleted.Where(a => a.CreatedByUserId == me.Rights.UserId);
        Rows = await deleted.OrderByDescending(a => a.DeletedAt)
            .Select(a => new Row(a.Id, a.Headline, a.Status, a.DeletedAt!.Value))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == id && a.DeletedAt != null, cancellationToken);
        if (article is null)
            return NotFound();
        var me = await NewsroomUser.OfAsync(User, users, db, cancellationToken);
        if (!me.Rights.CanDelete(article))
            return Forbid();
        await editor.RestoreFromTrashAsync(article, me.Editor, cancellationToken);
        return Redirect($"/admin/stories/{id}");
    }
}
