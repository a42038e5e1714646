using Gazette.Accounts;
using Gazette.Authors;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Text;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Users;

/// <summary>One account: its role, lock, byline, and deletion. Nobody removes or demotes the last Administrator, or deletes or locks themselves.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class EditModel(GazetteDb db, UserManager<GazetteUser> users, TimeProvider clock) : PageModel
{
    public GazetteUser Account { get; private set; } = null!;
    public string Role { get; private set; } = "";
    public bool LockedOut { get; private set; }
    public bool IsSelf { get; private set; }
    public IReadOnlyList<Author> Authors { get; private set; } = [];
    public string? Notice { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRoleAsync(string id, string role, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!Roles.All.Contains(role))
            Problem = NewsroomLabels.Current["ErrorChooseRole"];
        else if (Role == Roles.Administrator && role != Roles.Administrator && await IsLastAdministratorAsync())
            Problem = NewsroomLabels.Current["LastAdministratorRole"];
        else if (role != Role)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var removed = await users.RemoveFromRolesAsync(Account, await users.GetRolesAsync(Account));
            var added = removed.Succeeded ? await users.AddToRoleAsync(Account, role) : removed;
            if (!added.Succeeded)
                return Failed(added);
            await transaction.CommitAsync(cancellationToken);
            Notice = NewsroomLabels.Current.Format("UserIsNowRole", Account.DisplayName, NewsroomLabels.Current["Role" + role]);
        }
        return await ReloadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (IsSelf)
            Problem = NewsroomLabels.Current["CannotLockSelf"];
        else
        {
            await users.SetLockoutEnabledAsync(Account, true);
            await users.SetLockoutEndDateAsync(Account, DateTimeOffset.MaxValue);
            // A new security stamp signs the person out everywhere at the next cookie check.
            await users.UpdateSecurityStampAsync(Account);
            Notice = NewsroomLabels.Current.Format("UserLockedOut", Account.DisplayName);
        }
        return await ReloadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        await users.SetLockoutEndDateAsync(Account, null);
        await users.ResetAccessFailedCountAsync(Account);
        Notice = NewsroomLabels.Current.Format("UserUnlocked", Account.DisplayName);
        return await ReloadAsync(id, cancellationToken);
    }

    /// <param name="authorId">an existing byline, 0 to create one from the display name, or null to unlink.</param>
    public async Task<IActionResult> OnPostBylineAsync(string id, int? authorId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (authorId == 0)
        {
            var author = new Author { Name = Account.DisplayName, Slug = await FreeAuthorSlugAsync(Account.DisplayName, cancellationToken) };
            db.Authors.Add(author);
            await db.SaveChangesAsync(cancellationToken);
            authorId = author.Id;
        }
        else if (authorId is not null && !await db.Authors.AnyAsync(a => a.Id == authorId, cancellationToken))
        {
            Problem = NewsroomLabels.Current["BylineMissing"];
            return await ReloadAsync(id, cancellationToken);
        }
        Account.AuthorId = authorId;
        var result = await users.UpdateAsync(Account);
        if (!result.Succeeded)
            return Failed(result);
        Notice = NewsroomLabels.Current[authorId is null ? "BylineUnlinked" : "BylineLinked"];
        return await ReloadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (IsSelf)
            Problem = NewsroomLabels.Current["CannotDeleteSelf"];
        else if (Role == Roles.Administrator && await IsLastAdministratorAsync())
            Problem = NewsroomLabels.Current["LastAdministratorDelete"];
        else
        {
            // The stamp first: should the delete fail half-way, the person's open sessions have ended anyway.
            await users.UpdateSecurityStampAsync(Account);
            var result = await users.DeleteAsync(Account);
            if (!result.Succeeded)
                return Failed(result);
            return Redirect("/admin/users");
        }
        return await ReloadAsync(id, cancellationToken);
    }

    private async Task<bool> IsLastAdministratorAsync() => (await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1;

    private async Task<string> FreeAuthorSlugAsync(string name, CancellationToken cancellationToken)
    {
        var stem = Slugs.Create(name, 90);
        if (stem.Length == 0)
            stem = "author";
        var taken = await db.Authors.Where(a => a.Slug == stem || a.Slug.StartsWith(stem + "-")).Select(a => a.Slug).ToListAsync(cancellationToken);
        var slug = stem;
        for (var n = 2; taken.Contains(slug); n++)
            slug = $"{stem}-{n}";
        return slug;
    }

    private IActionResult Failed(IdentityResult result)
    {
        Problem = string.Join(" ", result.Errors.Select(e => e.Description));
        return Page();
    }

    private async Task<IActionResult> ReloadAsync(string id, CancellationToken cancellationToken)
    {
        var (notice, problem) = (Notice, Problem);
        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        (Notice, Problem) = (notice, problem);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(id);
        if (account is null)
            return false;
        Account = account;
        Role = (await users.GetRolesAsync(account)).FirstOrDefault() ?? "";
        LockedOut = account.LockoutEnd > clock.GetUtcNow();
        IsSelf = users.GetUserId(User) == account.Id;
        Authors = await db.Authors.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return true;
    }
}
