using System.Net;
using System.Text.Json;

using Gazette.Accounts;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Accounts;

/// <summary>
/// What can be tested of passkeys without an authenticator: the WebAuthn options the browser receives, and that
/// forged or malformed credentials are refused with a message rather than an error page.
/// </summary>
public abstract class PasskeyTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task A_signed_in_member_gets_creation_options_for_their_own_account()
    {
        var (browser, user) = await Site.SignedInAsAsync(Roles.Author, name: "Passkey Author");

        var response = await browser.PostFormAsync("/admin/account/passkeys?handler=CreationOptions", [], formPath: "/admin/account/passkeys");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("localhost", options.RootElement.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal(user.Email, options.RootElement.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal("Passkey Author", options.RootElement.GetProperty("user").GetProperty("displayName").GetString());
        Assert.True(options.RootElement.GetProperty("challenge").GetString()!.Length >= 16);
    }

    [Fact]
    public async Task A_forged_credential_is_refused_with_a_message()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Author);
        await browser.PostFormAsync("/admin/account/passkeys?handler=CreationOptions", [], formPath: "/admin/account/passkeys");

        var response = await browser.PostFormAsync("/admin/account/passkeys?handler=Add",
            new() { ["CredentialJson"] = """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","attestationObject":"oA"}}""" },
            formPath: "/admin/account/passkeys");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The passkey could not be added", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Anyone_gets_request_options_but_a_forged_assertion_does_not_sign_in()
    {
        var options = await Reader.PostFormAsync("/admin/account/passkey-sign-in?handler=Options", [], formPath: "/admin/sign-in");
        using var json = JsonDocument.Parse(await options.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(json.RootElement.TryGetProperty("challenge", out _));

        var response = await Reader.PostFormAsync(AccountsRegistration.PasskeySignInPath,
            new() { ["CredentialJson"] = """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"AA","signature":"AA"}}""" },
            formPath: "/admin/sign-in");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/sign-in?passkey=failed", response.Headers.Location!.OriginalString);
    }
}

public sealed class PasskeyTestsOnSqlite(SqliteSite site) : PasskeyTests(site);

public sealed class PasskeyTestsOnPostgres(PostgresSite site) : PasskeyTests(site);
