using System.Text.Encodings.Web;

using Gazette.Accounts;
using Gazette.Localization;
using Gazette.Site;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using QRCoder;

namespace Gazette.Admin.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238): the shared key as a QR code drawn here (a data:
/// URI, so the key never leaves the site) and as text; a code must be verified before it is turned on; ten
/// recovery codes are shown once.
/// </summary>
public sealed class TwoFactorModel(UserManager<GazetteUser> users, SignInManager<GazetteUser> signIn, SiteContext site) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), NewsroomLabels.Current["WrongCodeCheckTime"]);
            await LoadAsync(user, cancellationToken);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        Notice = NewsroomLabels.Current["TwoFactorTurnedOn"];
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (user.TwoFactorEnabled && await CheckPasswordAsync(user))
        {
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
            Notice = NewsroomLabels.Current["RecoveryCodesRenewed"];
        }
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (await CheckPasswordAsync(user))
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            // A new key next time: whoever saw the old one cannot reuse it.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            Notice = NewsroomLabels.Current["TwoFactorTurnedOff"];
        }
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    private async Task<bool> CheckPasswordAsync(GazetteUser user)
    {
        if (await users.CheckPasswordAsync(user, Password))
            return true;
        ModelState.AddModelError(nameof(Password), NewsroomLabels.Current["WrongPassword"]);
        return false;
    }

    private async Task LoadAsync(GazetteUser user, CancellationToken cancellationToken)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp, which is checked on every request: keep this session valid.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = string.Join(' ', key.Chunk(4).Select(chunk => new string(chunk))).ToLowerInvariant();
        var issuer = (await site.GetAsync(cancellationToken)).Settings.Title;
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode(issuer)}:{UrlEncoder.Default.Encode(user.Email ?? "")}?secret={key}&issuer={UrlEncoder.Default.Encode(issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
