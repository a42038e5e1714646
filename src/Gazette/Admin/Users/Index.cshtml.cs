using System.ComponentModel.DataAnnotations;

using Gazette.Accounts;
using Gazette.Data;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Users;

/// <summary>The newsroom's accounts with their roles and security state, and a form to add one.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(GazetteDb db, NewsroomAccounts accounts, TimeProvider clock) : PageModel
{
    public sealed record Row(string Id, string DisplayName, string Email, string Role, bool TwoFactor, bool LockedOut, string? Byline, bool MustChangePassword);

    public IReadOnlyList<Row> Users { get; private set; } = [];

    [BindProperty]
    public NewUserForm Form { get; set; } = new();

    /// <summary>Set once, right after creating an account: the only time its one-time password is shown.</summary>
    public (string Email, string Password)? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await accounts.CreateAsync(new NewsroomAccounts.Request(Form.Email, Form.DisplayName, Form.Role, Password: null), cancellationToken);
            if (result.Succeeded)
            {
                Created = (result.User!.Email!, result.OneTimePassword!);
                Form = new NewUserForm();
                ModelState.Clear();
            }
            else
            {
                foreach (var (field, message) in result.Problems)
                    ModelState.AddModelError(field == "" ? "" : $"{nameof(Form)}.{field}", message);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var mustChange = await db.UserClaims.Where(c => c.ClaimType == MustChangePassword.ClaimType).Select(c => c.UserId).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Include(u => u.Author).OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        Users = users.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "",
                string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name)),
                u.TwoFactorEnabled, u.LockoutEnd > now, u.Author?.Name, mustChange.Contains(u.Id)))
            .ToList();
    }

    public sealed class NewUserForm
    {
        [Required(ErrorMessage = "ErrorEnterName")]
        [StringLength(100, ErrorMessage = "ErrorAtMost100")]
        [Display(Name = "Name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "ErrorEnterAnEmail")]
        [EmailAddress(ErrorMessage = "ErrorInvalidEmail")]
        [StringLength(256, ErrorMessage = "ErrorTooLong")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "ErrorChooseRole")]
        [Display(Name = "Role")]
        public string Role { get; set; } = Roles.Contributor;
    }
}
