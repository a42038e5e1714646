using System.Net;
using System.Text.RegularExpressions;

using Gazette.Accounts;
using Gazette.Tests.Infrastructure;

using Microsoft.AspNetCore.Mvc.Testing;

namespace Gazette.Tests.Accounts;

public abstract partial class TwoFactorTests(GazetteSite site) : SiteTest(site)
{
    private HttpClient NewBrowser() => Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Turning_on_two_factor_needs_a_right_code_then_sign_in_asks_for_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var (browser, user) = await Site.SignedInAsAsync(Roles.Author);
        var page = await browser.GetStringAsync("/admin/account/two-factor", ct);
        Assert.Contains("src=\"data:image/png;base64,", page);
        var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEmpty(key);

        var wrong = await browser.PostFormAsync("/admin/account/two-factor?handler=Enable", new() { ["Code"] = WrongCode(key) }, formPath: "/admin/account/two-factor");
        Assert.Contains("This code is not right", await wrong.Content.ReadAsStringAsync(ct));

        var enabled = await browser.PostFormAsync("/admin/account/two-factor?handler=Enable", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, formPath: "/admin/account/two-factor");
        var enabledPage = await enabled.Content.ReadAsStringAsync(ct);
        Assert.Contains("Two-factor authentication is on", enabledPage);
        var recoveryCodes = RecoveryCode().Matches(enabledPage).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);

        var second = NewBrowser();
        var afterPassword = await second.PostFormAsync("/admin/sign-in", new() { ["Form.Email"] = user.Email!, ["Form.Password"] = Newsroom.Password });
        Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
        Assert.StartsWith(AccountsRegistration.TwoFactorSignInPath, afterPassword.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin/account", ct)).StatusCode);

        var refused = await second.PostFormAsync(AccountsRegistration.TwoFactorSignInPath, new() { ["Code"] = WrongCode(key) });
        Assert.Contains("This code is not right", await refused.Content.ReadAsStringAsync(ct));

        var accepted = await second.PostFormAsync(AccountsRegistration.TwoFactorSignInPath, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/admin", accepted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/admin/account", ct)).StatusCode);

        // A recovery code works once.
        var third = NewBrowser();
        await third.PostFormAsync("/admin/sign-in", new() { ["Form.Email"] = user.Email!, ["Form.Password"] = Newsroom.Password });
        var recovered = await third.PostFormAsync(AccountsRegistration.TwoFactorSignInPath, new() { ["Code"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        var fourth = NewBrowser();
        await fourth.PostFormAsync("/admin/sign-in", new() { ["Form.Email"] = user.Email!, ["Form.Password"] = Newsroom.Password });
        var reused = await fourth.PostFormAsync(AccountsRegistration.TwoFactorSignInPath, new() { ["Code"] = recoveryCodes[0] });
        Assert.Contains("This code is not right", await reused.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task The_second_step_without_a_password_first_goes_back_to_sign_in()
    {
        var response = await Reader.GetAsync(AccountsRegistration.TwoFactorSignInPath, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountsRegistration.SignInPath, response.Headers.Location!.OriginalString);
    }

    /// <summary>A code that is neither the current one nor its neighbours (which a verifier may accept for clock drift).</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = new[] { -60, -30, 0, 30, 60 }.Select(s => Totp.Code(key, now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(code => !valid.Contains(code));
    }

    [GeneratedRegex("<code class=\"shared-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCode();
}

public sealed class TwoFactorTestsOnSqlite(SqliteSite site) : TwoFactorTests(site);

public sealed class TwoFactorTestsOnPostgres(PostgresSite site) : TwoFactorTests(site);
