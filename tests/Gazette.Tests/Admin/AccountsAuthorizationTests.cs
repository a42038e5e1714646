using System.Net;

using Gazette.Accounts;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Admin;

/// <summary>Who may open the account, users and settings pages.</summary>
public abstract class AccountsAuthorizationTests(GazetteSite site) : SiteTest(site)
{
    public static readonly TheoryData<string> AdministratorPages = ["/admin/users", "/admin/users/{self}", "/admin/settings", "/admin/import", "/admin/webhooks", "/admin/comments/privacy"];

    public static readonly TheoryData<string> OwnAccountPages =
        ["/admin/account", "/admin/account/password", "/admin/account/two-factor", "/admin/account/passkeys"];

    public static readonly TheoryData<string> AllPages =
        ["/admin/users", "/admin/users/{self}", "/admin/settings", "/admin/import", "/admin/webhooks", "/admin/comments/privacy", "/admin/comments", "/admin/tokens", "/admin/account", "/admin/account/password", "/admin/account/two-factor", "/admin/account/passkeys"];

    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var response = await Reader.GetAsync(path.Replace("{self}", "someone", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/admin/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdministratorPages))]
    public async Task Roles_below_administrator_are_denied(string path)
    {
        foreach (var role in new[] { Roles.Contributor, Roles.Author, Roles.Editor })
        {
            var (browser, user) = await Site.SignedInAsAsync(role);
            var response = await browser.GetAsync(path.Replace("{self}", user.Id, StringComparison.Ordinal), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/admin/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task An_administrator_opens_every_page(string path)
    {
        var (browser, user) = await Site.SignedInAsAsync(Roles.Administrator);

        var response = await browser.GetAsync(path.Replace("{self}", user.Id, StringComparison.Ordinal), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OwnAccountPages))]
    public async Task A_contributor_opens_their_own_account_pages(string path)
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Contributor);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Posts_to_administrator_pages_are_denied_to_an_editor()
    {
        var (browser, user) = await Site.SignedInAsAsync(Roles.Editor);

        var response = await browser.PostFormAsync("/admin/settings", new() { ["Form.Title"] = "Hijacked" }, formPath: "/admin/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/admin/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.NotNull(user);
    }

    [Fact]
    public async Task The_setup_page_is_gone_once_an_account_exists()
    {
        await Site.CreateUserAsync(Roles.Contributor);

        var response = await Reader.GetAsync("/admin/setup", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class AccountsAuthorizationTestsOnSqlite(SqliteSite site) : AccountsAuthorizationTests(site);

public sealed class AccountsAuthorizationTestsOnPostgres(PostgresSite site) : AccountsAuthorizationTests(site);
