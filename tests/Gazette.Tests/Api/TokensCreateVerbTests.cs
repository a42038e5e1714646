using System.Net;
using System.Net.Http.Json;

using Gazette.Accounts;
using Gazette.Api;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Tests.Api;

/// <summary><c>tokens create</c>, run against the shared SQLite site's database; its tokens are tried on that site's admin API.</summary>
public sealed class TokensCreateVerbTests(SqliteSite site)
{
    private Dictionary<string, string?> Settings => new()
    {
        ["Gazette:DataDirectory"] = site.DataDirectory,
        ["Gazette:DemoContent"] = "false",
        ["Database:Provider"] = "Sqlite",
    };

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await TokensCreateVerb.RunAsync(args, output, error, Settings, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task It_prints_a_token_that_the_admin_api_accepts_and_stores_only_its_hash()
    {
        var user = await site.CreateUserAsync(Roles.Editor);

        var (exit, output, error) = await RunAsync("--email", user.Email!, "--name", "deploy script", "--expires-days", "7");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var secret = output.TrimEnd('\n', '\r');
        Assert.StartsWith(ApiToken.Scheme, secret, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', secret);
        var response = await site.BearerClient(secret).PostAsJsonAsync("/api/v1/admin/stories",
            new { headline = TestArticles.UniqueHeadline("Made with a verb's token"), language = "en" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await site.WithDbAsync(async db =>
        {
            var token = await db.ApiTokens.SingleAsync(t => t.UserId == user.Id, TestContext.Current.CancellationToken);
            Assert.Equal("deploy script", token.Name);
            Assert.Equal(ApiToken.HashOf(secret), token.Hash);
            Assert.InRange(token.ExpiresAt!.Value - token.CreatedAt, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.BearerClient(secret + "x").GetAsync("/api/v1/admin/stories/1", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Unknown_and_locked_accounts_get_no_token()
    {
        var (exit, output, error) = await RunAsync("--email", "nobody-" + Guid.NewGuid().ToString("N") + "@newsroom.test", "--name", "x");
        Assert.Equal((1, ""), (exit, output));
        Assert.Contains("no newsroom user", error);
        Assert.Single(error.TrimEnd().Split('\n'));

        var locked = await site.CreateUserAsync(Roles.Author);
        await site.LockAsync(locked);
        (exit, output, error) = await RunAsync("--email", locked.Email!, "--name", "x");
        Assert.Equal((1, ""), (exit, output));
        Assert.Contains("locked", error);
        Assert.Single(error.TrimEnd().Split('\n'));
        await site.WithDbAsync(async db => Assert.False(await db.ApiTokens.AnyAsync(t => t.UserId == locked.Id, TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData("--name", "no mail")]
    [InlineData("--email", "someone@newsroom.test")]
    [InlineData("--email", "someone@newsroom.test", "--name", "x", "--expires-days", "soon")]
    [InlineData("--email", "someone@newsroom.test", "--name", "x", "--expires-days", "0")]
    [InlineData("--email", "someone@newsroom.test", "--name", "x", "--expires-days", "-3")]
    [InlineData("--email", "someone@newsroom.test", "--name", "x", "--expires-days")]
    [InlineData("--email", "someone@newsroom.test", "--name", "x", "--colour", "red")]
    public async Task Bad_arguments_exit_with_1_and_one_line_on_stderr(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith("gazette tokens create: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Help_shows_the_usage()
    {
        var (exit, output, error) = await RunAsync("--help");

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("Usage: gazette tokens create --email E --name N [--expires-days D]", output);
    }
}
