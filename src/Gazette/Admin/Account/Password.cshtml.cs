using System.ComponentModel.DataAnnotations;

using Gazette.Accounts;
using Gazette.Localization;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Admin.Account;

/// <summary>Changing one's own password; also where a one-time password must be replaced before anything else.</summary>
public sealed class PasswordModel(UserManager<GazetteUser> users, SignInManager<GazetteUser> signIn) : PageModel
{
    [BindProperty]
    public PasswordForm Form { get; set; } = new();

    public bool MustChange => !Changed && MustChangePassword.IsRequired(User);

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var wasOneTimePassword = MustChange;
        var result = await users.ChangePasswordAsync(user, Form.CurrentPassword, Form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Form.CurrentPassword" : "Form.NewPassword",
                    error.Code == "PasswordMismatch" ? NewsroomLabels.Current["WrongCurrentPassword"] : error.Description);
            return Page();
        }
        await MustChangePassword.ClearAsync(users, user);
        // A new cookie without the one-time-password claim, and with the new security stamp.
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        return wasOneTimePassword ? LocalRedirect("/admin") : Page();
    }

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "ErrorEnterCurrentPassword")]
        [StringLength(200, ErrorMessage = "ErrorTooLong")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "ErrorChooseNewPassword")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "ErrorAtLeast12")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "ErrorRepeatNewPassword")]
        [Compare(nameof(NewPassword), ErrorMessage = "ErrorPasswordsDiffer")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }
}
