using System.ComponentModel.DataAnnotations;

using Gazette.Accounts;
using Gazette.Data;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Admin.Account;

/// <summary>
/// The one-time setup: while no account exists, anyone reaching the site may create the first Administrator
/// (the alternative to <c>users create-admin</c>). Once an account exists the page is gone (404).
/// </summary>
public sealed class SetupModel(GazetteDb db, NewsroomAccounts accounts, SignInManager<GazetteUser> signIn) : PageModel
{
    [BindProperty]
    public SetupForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await AccountsRegistration.NoUserExistsAsync(db, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await AccountsRegistration.NoUserExistsAsync(db, cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        // The check above is only a courtesy: NewsroomAccounts checks again inside a locked transaction, so of two
        // simultaneous submissions exactly one creates the administrator and the other gets the 404.
        var result = await accounts.CreateAsync(
            new NewsroomAccounts.Request(Form.Email, Form.DisplayName, Roles.Administrator, Form.Password, OnlyIfNoUserExists: true), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Problems.Any(p => p.Key == ""))
                return NotFound();
            foreach (var (field, message) in result.Problems)
                ModelState.AddModelError($"{nameof(Form)}.{field}", message);
            return Page();
        }
        await signIn.SignInAsync(result.User!, isPersistent: false);
        return LocalRedirect("/admin");
    }

    public sealed class SetupForm
    {
        [Required(ErrorMessage = "ErrorEnterYourName")]
        [StringLength(100, ErrorMessage = "ErrorAtMost100")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "ErrorEnterEmail")]
        [EmailAddress(ErrorMessage = "ErrorInvalidEmail")]
        [StringLength(256, ErrorMessage = "ErrorTooLong")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "ErrorChoosePassword")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "ErrorAtLeast12")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "ErrorRepeatPassword")]
        [Compare(nameof(Password), ErrorMessage = "ErrorPasswordsDiffer")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }
}
