using System.Globalization;

using Gazette.Accounts;
using Gazette.Cli;
using Gazette.Data;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Api;

/// <summary>
/// <c>tokens create --email E --name N [--expires-days D]</c>: an admin-API token for an existing newsroom user, made as
/// the token page makes it (<see cref="ApiToken.Issue"/>), for scripts and deployments that have no browser. The token
/// alone goes to standard output, so <c>TOKEN=$(gazette tokens create …)</c> works.
/// </summary>
public static class TokensCreateVerb
{
    public const string Summary = "--email E --name N [--expires-days D]: prints a new admin-API token for a newsroom user";

    public static readonly string Usage = $"""
        Usage: gazette tokens create --email E --name N [--expires-days D]

        Makes an admin-API token for the newsroom user with that e-mail address in the configured database and prints
        it, once, on standard output; only its hash is stored, as for the tokens made at /admin/tokens.
          --email E          the e-mail address of an existing, not locked newsroom user
          --name N           what the token is for, shown in the token list (at most {ApiToken.MaxNameLength} characters)
          --expires-days D   the token stops working after D days (1 to {ApiToken.MaxLifetimeDays}); without it, it works until revoked
        Exit code 0 on success, 1 on bad input with the reason on stderr.
        """;

    /// <param name="args">the arguments after <c>tokens create</c>.</param>
    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, Console.Out, Console.Error, settings: null, CancellationToken.None);

    /// <param name="settings">configuration that overrides the environment's (tests point it at a temporary data folder).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        IEnumerable<KeyValuePair<string, string?>>? settings, CancellationToken cancellationToken)
    {
        if (VerbArguments.AskHelp(args))
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }
        if (VerbArguments.Read(args, ["--email", "--name", "--expires-days"], null, positional: 0, out var problem) is not { } read)
            return await FailAsync(error, problem);
        string? email = read["--email"], name = read["--name"], daysText = read["--expires-days"];
        if (string.IsNullOrWhiteSpace(email))
            return await FailAsync(error, "--email is required");
        if (string.IsNullOrWhiteSpace(name))
            return await FailAsync(error, "--name is required");
        if (name.Trim().Length > ApiToken.MaxNameLength)
            return await FailAsync(error, $"--name is longer than {ApiToken.MaxNameLength} characters");
        int? days = null;
        if (daysText is not null)
        {
            if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > ApiToken.MaxLifetimeDays)
                return await FailAsync(error, $"--expires-days must be a whole number of days from 1 to {ApiToken.MaxLifetimeDays}, not '{daysText}'");
            days = parsed;
        }

        await using var app = await VerbHost.StartDatabaseAsync([.. settings ?? [], .. read.Settings], cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GazetteUser>>();
        // A deleted account is gone from the database, so its address is unknown like any other.
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
            return await FailAsync(error, $"no newsroom user has the e-mail address '{email.Trim()}'");
        // The same refusals as the bearer-token check (ApiTokenAuthentication): a token that could never sign in is not made.
        if (await users.IsLockedOutAsync(user))
            return await FailAsync(error, $"the account '{user.Email}' is locked");
        if (!(await users.GetRolesAsync(user)).Any(role => Roles.All.Contains(role)))
            return await FailAsync(error, $"the account '{user.Email}' has no newsroom role");
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
        if (await db.ApiTokens.CountAsync(t => t.UserId == user.Id && t.RevokedAt == null, cancellationToken) >= ApiToken.MaxActivePerUser)
            return await FailAsync(error, $"the account '{user.Email}' already has {ApiToken.MaxActivePerUser} tokens; revoke one at /admin/tokens first");

        var (token, secret) = ApiToken.Issue(user.Id, name, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, days);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        await output.WriteLineAsync(secret);
        return 0;
    }

    private static async Task<int> FailAsync(TextWriter error, string reason)
    {
        await error.WriteLineAsync($"gazette tokens create: {reason.ReplaceLineEndings(" ")}");
        return 1;
    }
}
