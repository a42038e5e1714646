using Gazette.Accounts;
using Gazette.Localization;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Admin.Account;

/// <summary>
/// Passkeys (WebAuthn) with .NET 10 Identity: the browser asks for creation options, lets the authenticator make a
/// key pair, and posts the credential back; Identity checks it against the challenge it keeps in a cookie.
/// Adding one needs JavaScript (navigator.credentials); without it the page says so.
/// </summary>
public sealed class PasskeysModel(UserManager<GazetteUser> users, SignInManager<GazetteUser> signIn) : PageModel
{
    [BindProperty]
    public string CredentialJson { get; set; } = "";

    [BindProperty]
    public string? Name { get; set; }

    public IList<UserPasskeyInfo> Passkeys { get; private set; } = [];
    public string? Notice { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        Passkeys = await users.GetPasskeysAsync(user);
        return Page();
    }

    /// <summary>The options for <c>navigator.credentials.create()</c>, as JSON (a POST, so it carries the antiforgery token).</summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = await users.GetUserIdAsync(user),
            Name = user.Email ?? user.UserName ?? user.Id,
            DisplayName = user.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var result = string.IsNullOrWhiteSpace(CredentialJson) ? null : await signIn.PerformPasskeyAttestationAsync(CredentialJson);
        if (result is not { Succeeded: true })
            Problem = result?.Failure is { } failure
                ? NewsroomLabels.Current.Format("PasskeyNotAddedBecause", failure.Message)
                : NewsroomLabels.Current["PasskeyNotAdded"];
        else
        {
            var passkey = result.Passkey;
            passkey.Name = string.IsNullOrWhiteSpace(Name) ? NewsroomLabels.Current.Format("PasskeyDefaultName", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : Name.Trim()[..Math.Min(Name.Trim().Length, 100)];
            var saved = await users.AddOrUpdatePasskeyAsync(user, passkey);
            if (saved.Succeeded)
            {
                // Should the store change the security stamp (checked on every request), this session stays valid.
                await signIn.RefreshSignInAsync(user);
                Notice = NewsroomLabels.Current["PasskeyAdded"];
            }
            else
                Problem = string.Join(" ", saved.Errors.Select(e => e.Description));
        }
        Passkeys = await users.GetPasskeysAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string credentialId)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        try
        {
            var removed = await users.RemovePasskeyAsync(user, Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Decode(credentialId ?? ""));
            if (removed.Succeeded)
                await signIn.RefreshSignInAsync(user);
            Notice = removed.Succeeded ? NewsroomLabels.Current["PasskeyRemoved"] : null;
            Problem = removed.Succeeded ? null : NewsroomLabels.Current["PasskeyNotYours"];
        }
        catch (FormatException)
        {
            Problem = NewsroomLabels.Current["PasskeyNotYours"];
        }
        Passkeys = await users.GetPasskeysAsync(user);
        return Page();
    }

    public static string IdOf(UserPasskeyInfo passkey) => Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Encode(passkey.CredentialId);
}
