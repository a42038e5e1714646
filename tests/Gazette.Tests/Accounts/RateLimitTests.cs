using System.Net;

using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Accounts;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Sign_in_attempts_over_the_limit_get_429_with_a_readable_page()
    {
        await using var site = new SqliteSite();
        await using var factory = site.WithWebHostBuilder(builder => builder
            .UseSetting("Gazette:DemoContent", "false")
            .UseSetting("Gazette:SignInRateLimit", "3"));
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var ct = TestContext.Current.CancellationToken;

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var refused = await browser.PostFormAsync("/admin/sign-in", new() { ["Form.Email"] = "who@newsroom.test", ["Form.Password"] = "guess number " + attempt });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }
        var limited = await browser.PostFormAsync("/admin/sign-in", new() { ["Form.Email"] = "who@newsroom.test", ["Form.Password"] = "one guess too many" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync(ct));
        Assert.True(limited.Headers.RetryAfter is not null);
        // Reading the form is not an attempt; the setup and two-factor steps share the limit.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/sign-in", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.PostFormAsync("/admin/setup", new() { ["Form.Email"] = "x@newsroom.test" })).StatusCode);
    }
}
