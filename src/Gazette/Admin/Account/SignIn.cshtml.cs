using System.ComponentModel.DataAnnotations;

using Gazette.Accounts;
using Gazette.Localization;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Admin.Account;

/// <summary>The newsroom's sign-in: e-mail and password, with lockout after repeated failures.</summary>
public sealed class SignInModel(SignInManager<GazetteUser> signIn, UserManager<GazetteUser> users) : PageModel
{
    [BindProperty]
    public SignInForm Form { get; set; } = new();

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.FindByEmailAsync(Form.Email.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return await AfterSignInAsync(users, user!, ReturnUrl);
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Admin/Account/TwoFactorSignIn", new { returnUrl = ReturnUrl });
        // One message for unknown e-mail and wrong password, so the form does not reveal who has an account.
        Problem = result.IsLockedOut
            ? NewsroomLabels.Current["AccountLocked"]
            : NewsroomLabels.Current["WrongEmailOrPassword"];
        return Page();
    }

    /// <summary>Where a member goes once signed in: the password page while they hold a one-time password, else where they were going.</summary>
    internal static async Task<IActionResult> AfterSignInAsync(UserManager<GazetteUser> users, GazetteUser user, string? returnUrl)
    {
        if ((await users.GetClaimsAsync(user)).Any(c => c.Type == MustChangePassword.ClaimType))
            return new LocalRedirectResult(AccountsRegistration.ChangePasswordPath);
        return new LocalRedirectResult(returnUrl is not null && IsLocal(returnUrl) ? returnUrl : "/admin");
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    public sealed class SignInForm
    {
        [Required(ErrorMessage = "ErrorEnterEmail")]
        [EmailAddress(ErrorMessage = "ErrorInvalidEmail")]
        [StringLength(256, ErrorMessage = "ErrorTooLong")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "ErrorEnterPassword")]
        [StringLength(200, ErrorMessage = "ErrorTooLong")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
