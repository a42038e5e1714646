using System.Net;
using System.Text.RegularExpressions;

using Gazette.Accounts;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Infrastructure;

/// <summary>Newsroom accounts for tests: real users in the site's database, signed in through the real sign-in form.</summary>
public static partial class Newsroom
{
    public const string Password = "correct horse battery staple";

    /// <summary>Creates a user with <paramref name="role"/> (or none) and returns their e-mail address.</summary>
    public static Task<GazetteUser> CreateUserAsync(this GazetteSite site, string? role, string? name = null) =>
        site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<GazetteUser>>();
            var email = $"{role?.ToLowerInvariant() ?? "nobody"}-{Guid.NewGuid().ToString("N")[..10]}@newsroom.test";
            var user = new GazetteUser { UserName = email, Email = email, DisplayName = name ?? $"Test {role ?? "nobody"}", CreatedAt = DateTime.UtcNow };
            Check(await users.CreateAsync(user, Password));
            if (role is not null)
                Check(await users.AddToRoleAsync(user, role));
            return user;
        });

    /// <summary>A browser (cookies kept, redirects not followed) signed in as a new user with <paramref name="role"/>.</summary>
    public static async Task<(HttpClient Browser, GazetteUser User)> SignedInAsAsync(this GazetteSite site, string? role, string? name = null)
    {
        var user = await site.CreateUserAsync(role, name);
        var browser = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await browser.PostFormAsync("/admin/sign-in", new() { ["Form.Email"] = user.Email!, ["Form.Password"] = Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {role} answered {(int)response.StatusCode}");
        return (browser, user);
    }

    /// <summary>GETs <paramref name="path"/> for its antiforgery token, then POSTs the form fields with it, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string path, Dictionary<string, string> fields, string? formPath = null)
    {
        var form = await browser.GetStringAsync(formPath ?? path, TestContext.Current.CancellationToken);
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, $"no antiforgery token in the form at {formPath ?? path}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
