using System.ComponentModel.DataAnnotations;

using Gazette.Accounts;
using Gazette.Api;
using Gazette.Caching;
using Gazette.Data;
using Gazette.Localization;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Tokens;

/// <summary>
/// API tokens: every newsroom member makes and revokes their own; an administrator also sees and revokes everyone's.
/// A new token is shown once, on the answer to its creation, and never again (only its hash is kept).
/// </summary>
public sealed class IndexModel(GazetteDb db, UserManager<GazetteUser> users, TimeProvider clock) : PageModel
{
    public const int MaxTokensPerUser = ApiToken.MaxActivePerUser;

    public sealed record Row(int Id, string Name, string Prefix, string Owner, bool Mine, DateTime CreatedAt, DateTime? LastUsedAt,
        DateTime? ExpiresAt, DateTime? RevokedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool SeesEveryone { get; private set; }

    /// <summary>The secret of the token just made: on this one answer only.</summary>
    public string? NewToken { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "ErrorTokenName")]
    [StringLength(ApiToken.MaxNameLength)]
    public string? Name { get; set; }

    [BindProperty]
    [Range(1, ApiToken.MaxLifetimeDays, ErrorMessage = "ErrorTokenDaysRange")]
    public int? ExpiresInDays { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        if (ModelState.IsValid && await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null, cancellationToken) >= MaxTokensPerUser)
            ModelState.AddModelError(nameof(Name), NewsroomLabels.Current.Format("TooManyTokens", MaxTokensPerUser));
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var (token, secret) = ApiToken.Issue(userId, Name!, clock.GetUtcNow().UtcDateTime, ExpiresInDays);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        NewToken = secret;
        Name = null;
        ExpiresInDays = null;
        ModelState.Clear();
        // Not a redirect: the secret must not travel in a URL, and it is shown on this answer only.
        Response.Headers.CacheControl = PageLifetimes.NoStore;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
            return NotFound();
        if (token.UserId != users.GetUserId(User) && !User.IsInRole(Roles.Administrator))
            return Forbid();
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/admin/tokens");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        SeesEveryone = User.IsInRole(Roles.Administrator);
        var tokens = db.ApiTokens.AsNoTracking();
        if (!SeesEveryone)
            tokens = tokens.Where(t => t.UserId == userId);
        Rows = await tokens
            .OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.CreatedAt)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new Row(t.Id, t.Name, t.Prefix, u.DisplayName, t.UserId == userId,
                t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt))
            .Take(500)
            .ToListAsync(cancellationToken);
    }
}
