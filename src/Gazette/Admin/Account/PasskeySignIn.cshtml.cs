using System.Text.Json;

using Gazette.Accounts;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Gazette.Admin.Account;

/// <summary>
/// Signing in with a passkey: the sign-in page's script fetches request options here, the browser asks the
/// authenticator, and the signed assertion is posted back. A passkey proves possession and user verification, so it
/// replaces both the password and the second factor.
/// </summary>
public sealed class PasskeySignInModel(SignInManager<GazetteUser> signIn, UserManager<GazetteUser> users) : PageModel
{
    [BindProperty]
    public string CredentialJson { get; set; } = "";

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => Redirect(AccountsRegistration.SignInPath);

    /// <summary>Options for <c>navigator.credentials.get()</c> for any passkey of this site (discoverable credentials).</summary>
    public async Task<IActionResult> OnPostOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(user: null), "application/json");

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(CredentialJson))
            return RedirectToProblem();
        var result = await signIn.PasskeySignInAsync(CredentialJson);
        if (!result.Succeeded)
            return RedirectToProblem();
        // The credential's id names the passkey, and so its owner (for the one-time-password check).
        using var credential = JsonDocument.Parse(CredentialJson);
        var user = await users.FindByPasskeyIdAsync(Base64UrlTextEncoder.Decode(credential.RootElement.GetProperty("id").GetString()!));
        return user is null ? LocalRedirect("/admin") : await SignInModel.AfterSignInAsync(users, user, ReturnUrl);
    }

    private RedirectResult RedirectToProblem() => Redirect(AccountsRegistration.SignInPath + "?passkey=failed");
}
