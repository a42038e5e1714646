using System.Net;

using Gazette.Accounts;
using Gazette.Data;
using Gazette.Tests.Infrastructure;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Accounts;

/// <summary>The one-time setup page, on a site of its own that starts with no account.</summary>
public sealed class SetupTests
{
    private static Dictionary<string, string> Fields(string email, string password = "first administrator's passphrase") => new()
    {
        ["Form.DisplayName"] = "First Admin",
        ["Form.Email"] = email,
        ["Form.Password"] = password,
        ["Form.ConfirmPassword"] = password,
    };

    [Fact]
    public async Task The_setup_page_creates_one_administrator_even_for_simultaneous_submissions_then_disappears()
    {
        await using var site = new SqliteSite();
        await using var factory = site.WithWebHostBuilder(builder => builder.UseSetting("Gazette:DemoContent", "false"));
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true };
        var first = factory.CreateClient(options);
        var second = factory.CreateClient(options);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/admin/setup", ct)).StatusCode);
        var mismatch = await first.PostFormAsync("/admin/setup", new(Fields("a@newsroom.test")) { ["Form.ConfirmPassword"] = "something else entirely" });
        Assert.Contains("The two passwords differ", await mismatch.Content.ReadAsStringAsync(ct));

        // Both browsers hold a token for the form before either submits, like two people with the page open.
        var tokenFirst = await TokenAsync(first);
        var tokenSecond = await TokenAsync(second);
        var answers = await Task.WhenAll(
            first.PostAsync("/admin/setup", new FormUrlEncodedContent(new Dictionary<string, string>(Fields("one@newsroom.test")) { ["__RequestVerificationToken"] = tokenFirst }), ct),
            second.PostAsync("/admin/setup", new FormUrlEncodedContent(new Dictionary<string, string>(Fields("two@newsroom.test")) { ["__RequestVerificationToken"] = tokenSecond }), ct));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.NotFound);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
        var user = Assert.Single(await db.Users.ToListAsync(ct));
        Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<GazetteUser>>().IsInRoleAsync(user, Roles.Administrator));
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync("/admin/setup", ct)).StatusCode);

        // The winner is signed in and reaches the admin-only pages.
        var winner = answers[0].StatusCode == HttpStatusCode.Redirect ? first : second;
        Assert.Equal(HttpStatusCode.OK, (await winner.GetAsync("/admin/settings", ct)).StatusCode);

        // The only administrator can neither demote nor delete themselves.
        var demote = await winner.PostFormAsync($"/admin/users/{user.Id}?handler=Role", new() { ["role"] = Roles.Editor }, formPath: $"/admin/users/{user.Id}");
        Assert.Contains("last administrator", await demote.Content.ReadAsStringAsync(ct));
        Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<GazetteUser>>().IsInRoleAsync(user, Roles.Administrator));
    }

    private static async Task<string> TokenAsync(HttpClient browser)
    {
        var form = await browser.GetStringAsync("/admin/setup", TestContext.Current.CancellationToken);
        var match = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
