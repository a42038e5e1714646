using Gazette.Accounts;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Accounts;

public sealed class CreateAdminVerbTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "gazette-tests", "verb-" + Guid.NewGuid().ToString("N"));

    private Dictionary<string, string?> Settings => new()
    {
        ["Gazette:DataDirectory"] = dataDirectory,
        ["Gazette:DemoContent"] = "false",
        ["Database:Provider"] = "Sqlite",
    };

    private async Task<(int Exit, string Output, string Error)> RunAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CreateAdminVerb.RunAsync(args, new StringReader(stdin), output, error, Settings, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<(GazetteUser? User, IList<string> Roles, bool MustChange, bool PasswordWorks)> FindAsync(string email, string? password)
    {
        await using var app = await VerbHost.StartDatabaseAsync(Settings, TestContext.Current.CancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GazetteUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
            return (null, [], false, false);
        var claims = await users.GetClaimsAsync(user);
        return (user, await users.GetRolesAsync(user), claims.Any(c => c.Type == MustChangePassword.ClaimType),
            password is not null && await users.CheckPasswordAsync(user, password));
    }

    [Fact]
    public async Task With_a_password_on_standard_input_it_creates_an_administrator()
    {
        var (exit, output, error) = await RunAsync("a long enough passphrase\n", "--email", "chief@newsroom.test", "--name", "Chief Editor", "--password-stdin");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.DoesNotContain("passphrase", output);
        var (user, roles, mustChange, passwordWorks) = await FindAsync("chief@newsroom.test", "a long enough passphrase");
        Assert.Equal("Chief Editor", user!.DisplayName);
        Assert.Equal([Roles.Administrator], roles);
        Assert.False(mustChange);
        Assert.True(passwordWorks);
    }

    [Fact]
    public async Task Without_a_password_it_prints_a_one_time_password_that_must_be_changed()
    {
        var (exit, output, _) = await RunAsync("", "--email", "boss@newsroom.test", "--name", "Boss");

        Assert.Equal(0, exit);
        var password = output.Split(':', StringSplitOptions.TrimEntries)[^1].Trim();
        Assert.True(password.Length >= 20, output);
        var (user, roles, mustChange, passwordWorks) = await FindAsync("boss@newsroom.test", password);
        Assert.NotNull(user);
        Assert.Equal([Roles.Administrator], roles);
        Assert.True(mustChange);
        Assert.True(passwordWorks);
    }

    [Theory]
    [InlineData("", "--name", "No Mail")]
    [InlineData("", "--email", "not-an-address", "--name", "Bad Mail")]
    [InlineData("", "--email", "noname@newsroom.test")]
    [InlineData("", "--email", "x@newsroom.test", "--name", "X", "--colour", "red")]
    [InlineData("short\n", "--email", "weak@newsroom.test", "--name", "Weak", "--password-stdin")]
    [InlineData("", "--email", "empty@newsroom.test", "--name", "Empty", "--password-stdin")]
    public async Task Bad_input_exits_with_1_and_one_line_on_stderr(string stdin, params string[] args)
    {
        var (exit, output, error) = await RunAsync(stdin, args);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("gazette users create-admin: ", error);
    }

    [Fact]
    public async Task An_existing_email_is_refused()
    {
        Assert.Equal(0, (await RunAsync("", "--email", "twice@newsroom.test", "--name", "First")).Exit);

        var (exit, _, error) = await RunAsync("", "--email", "twice@newsroom.test", "--name", "Second");

        Assert.Equal(1, exit);
        Assert.Contains("already exists", error);
    }

    [Fact]
    public async Task Help_explains_the_verb()
    {
        var (exit, output, _) = await RunAsync("", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--password-stdin", output);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Not created (a test that failed on input) or still held open; the temp folder is cleaned by the OS.
        }
    }
}
