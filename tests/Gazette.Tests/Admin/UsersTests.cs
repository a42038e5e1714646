using System.Net;
using System.Text.RegularExpressions;

using Gazette.Accounts;
using Gazette.Tests.Infrastructure;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Admin;

public abstract partial class UsersTests(GazetteSite site) : SiteTest(site)
{
    private Task<T> WithUsersAsync<T>(Func<UserManager<GazetteUser>, Task<T>> work) =>
        Site.WithScopeAsync(services => work(services.GetRequiredService<UserManager<GazetteUser>>()));

    [Fact]
    public async Task An_administrator_creates_a_user_who_must_change_the_one_time_password_at_first_sign_in()
    {
        var ct = TestContext.Current.CancellationToken;
        var (admin, _) = await Site.SignedInAsAsync(Roles.Administrator);
        var email = $"new-{Guid.NewGuid():N}@newsroom.test";

        var created = await admin.PostFormAsync("/admin/users?handler=Create",
            new() { ["Form.DisplayName"] = "New Reporter", ["Form.Email"] = email, ["Form.Role"] = Roles.Author }, formPath: "/admin/users");
        var page = await created.Content.ReadAsStringAsync(ct);
        var password = OneTimePassword().Match(page).Groups[1].Value;
        Assert.NotEmpty(password);
        Assert.True(await WithUsersAsync(async users => await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, Roles.Author)));

        var reporter = Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signedIn = await reporter.PostFormAsync("/admin/sign-in", new() { ["Form.Email"] = email, ["Form.Password"] = password });
        Assert.Equal(AccountsRegistration.ChangePasswordPath, signedIn.Headers.Location!.OriginalString);
        var elsewhere = await reporter.GetAsync("/admin/account", ct);
        Assert.Equal(AccountsRegistration.ChangePasswordPath, elsewhere.Headers.Location!.OriginalString);

        var tooShort = await reporter.PostFormAsync(AccountsRegistration.ChangePasswordPath,
            new() { ["Form.CurrentPassword"] = password, ["Form.NewPassword"] = "short", ["Form.ConfirmPassword"] = "short" });
        Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync(ct));

        var changed = await reporter.PostFormAsync(AccountsRegistration.ChangePasswordPath,
            new() { ["Form.CurrentPassword"] = password, ["Form.NewPassword"] = "my own long passphrase", ["Form.ConfirmPassword"] = "my own long passphrase" });
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync("/admin/account", ct)).StatusCode);
    }

    [Fact]
    public async Task A_bad_or_taken_email_is_refused_with_a_message()
    {
        var ct = TestContext.Current.CancellationToken;
        var (admin, self) = await Site.SignedInAsAsync(Roles.Administrator);

        var bad = await admin.PostFormAsync("/admin/users?handler=Create",
            new() { ["Form.DisplayName"] = "Nobody", ["Form.Email"] = "not an address", ["Form.Role"] = Roles.Author }, formPath: "/admin/users");
        Assert.Contains("Enter a valid e-mail address", await bad.Content.ReadAsStringAsync(ct));

        var taken = await admin.PostFormAsync("/admin/users?handler=Create",
            new() { ["Form.DisplayName"] = "Twin", ["Form.Email"] = self.Email!, ["Form.Role"] = Roles.Author }, formPath: "/admin/users");
        Assert.Contains("already exists", await taken.Content.ReadAsStringAsync(ct));

        var badRole = await admin.PostFormAsync("/admin/users?handler=Create",
            new() { ["Form.DisplayName"] = "King", ["Form.Email"] = $"king-{Guid.NewGuid():N}@newsroom.test", ["Form.Role"] = "King" }, formPath: "/admin/users");
        Assert.Contains("is not a role", await badRole.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task An_administrator_changes_the_role_locks_links_a_byline_and_deletes()
    {
        var ct = TestContext.Current.CancellationToken;
        var (admin, self) = await Site.SignedInAsAsync(Roles.Administrator);
        var user = await Site.CreateUserAsync(Roles.Contributor, name: $"Byline {Guid.NewGuid():N}"[..20]);
        var path = $"/admin/users/{user.Id}";

        await admin.PostFormAsync($"{path}?handler=Role", new() { ["role"] = Roles.Editor }, formPath: path);
        Assert.True(await WithUsersAsync(async users => await users.IsInRoleAsync((await users.FindByIdAsync(user.Id))!, Roles.Editor)));

        await admin.PostFormAsync($"{path}?handler=Lock", [], formPath: path);
        var locked = Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var attempt = await locked.PostFormAsync("/admin/sign-in", new() { ["Form.Email"] = user.Email!, ["Form.Password"] = Newsroom.Password });
        Assert.Contains("locked", await attempt.Content.ReadAsStringAsync(ct));
        await admin.PostFormAsync($"{path}?handler=Unlock", [], formPath: path);
        attempt = await locked.PostFormAsync("/admin/sign-in", new() { ["Form.Email"] = user.Email!, ["Form.Password"] = Newsroom.Password });
        Assert.Equal(HttpStatusCode.Redirect, attempt.StatusCode);

        await admin.PostFormAsync($"{path}?handler=Byline", new() { ["authorId"] = "0" }, formPath: path);
        var author = await Site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Gazette.Data.GazetteDb>();
            var linked = await db.Users.Include(u => u.Author).SingleAsync(u => u.Id == user.Id, ct);
            return linked.Author;
        });
        Assert.Equal(user.DisplayName, author?.Name);

        var deleteSelf = await admin.PostFormAsync($"/admin/users/{self.Id}?handler=Delete", [], formPath: $"/admin/users/{self.Id}");
        Assert.Contains("cannot delete your own account", await deleteSelf.Content.ReadAsStringAsync(ct));

        var deleted = await admin.PostFormAsync($"{path}?handler=Delete", [], formPath: path);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await WithUsersAsync(users => users.FindByIdAsync(user.Id)));
    }

    [Theory]
    [InlineData("Lock")]
    [InlineData("Delete")]
    public async Task Locking_or_deleting_a_user_ends_their_open_session_at_once(string handler)
    {
        var ct = TestContext.Current.CancellationToken;
        var (admin, _) = await Site.SignedInAsAsync(Roles.Administrator);
        var (victim, user) = await Site.SignedInAsAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/admin/stories", ct)).StatusCode);

        var path = $"/admin/users/{user.Id}";
        var done = await admin.PostFormAsync($"{path}?handler={handler}", [], formPath: path);
        Assert.True(done.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{handler} answered {(int)done.StatusCode}");

        var next = await victim.GetAsync("/admin/stories", ct);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal(AccountsRegistration.SignInPath, new Uri(new Uri("http://localhost"), next.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task The_users_page_lists_roles_and_two_factor_state()
    {
        var (admin, _) = await Site.SignedInAsAsync(Roles.Administrator);
        var listed = await Site.CreateUserAsync(Roles.Editor, name: "Listed Editor");

        var page = await admin.GetStringAsync("/admin/users", TestContext.Current.CancellationToken);

        Assert.Contains(listed.Email!, page);
        Assert.Contains("<td>Editor</td>", page);
    }

    [GeneratedRegex("<code class=\"one-time-password\">([^<]+)</code>")]
    private static partial Regex OneTimePassword();
}

public sealed class UsersTestsOnSqlite(SqliteSite site) : UsersTests(site);

public sealed class UsersTestsOnPostgres(PostgresSite site) : UsersTests(site);
