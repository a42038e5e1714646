using System.Net;

using Gazette.Accounts;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Accounts;

public abstract class SignInTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task A_journalist_signs_in_with_email_and_password()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Contributor);

        Assert.NotNull(browser);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_five_failures_lock_the_account()
    {
        var user = await Site.CreateUserAsync(Roles.Author);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var response = await Reader.PostFormAsync("/admin/sign-in", new() { ["Form.Email"] = user.Email!, ["Form.Password"] = "not the password" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains(attempt < 5 ? "is not right" : "locked", body);
        }

        var withRightPassword = await Reader.PostFormAsync("/admin/sign-in", new() { ["Form.Email"] = user.Email!, ["Form.Password"] = Newsroom.Password });
        Assert.Contains("locked", await withRightPassword.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var response = await Reader.PostAsync("/admin/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Email"] = "a@b.test", ["Form.Password"] = "x" }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        var response = await Reader.PostFormAsync("/admin/sign-in", new() { ["Form.Email"] = "nobody@newsroom.test", ["Form.Password"] = "whatever it is" });

        Assert.Contains("is not right", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_return_url_must_be_local()
    {
        var user = await Site.CreateUserAsync(Roles.Editor);

        var response = await Reader.PostFormAsync("/admin/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F",
            new() { ["Form.Email"] = user.Email!, ["Form.Password"] = Newsroom.Password }, formPath: "/admin/sign-in");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }
}

public sealed class SignInTestsOnSqlite(SqliteSite site) : SignInTests(site);

public sealed class SignInTestsOnPostgres(PostgresSite site) : SignInTests(site);
