using System.ComponentModel.DataAnnotations;

using Gazette.Accounts;
using Gazette.Localization;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Admin.Account;

/// <summary>The second step of signing in, after the password: a code from the authenticator app, or a recovery code.</summary>
public sealed class TwoFactorSignInModel(SignInManager<GazetteUser> signIn, UserManager<GazetteUser> users) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "ErrorEnterCode")]
    [StringLength(64, ErrorMessage = "ErrorTooLong")]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect(AccountsRegistration.SignInPath) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return Redirect(AccountsRegistration.SignInPath);
        if (!ModelState.IsValid)
            return Page();
        var code = Code.Replace(" ", "", StringComparison.Ordinal);
        // Six digits come from the app; anything else is tried as a recovery code (they contain a dash and letters).
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
            return await SignInModel.AfterSignInAsync(users, user, ReturnUrl);
        Problem = result.IsLockedOut
            ? NewsroomLabels.Current["AccountLocked"]
            : NewsroomLabels.Current["WrongCode"];
        return Page();
    }
}
