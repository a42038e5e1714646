using Gazette.Cli;
using Gazette.Data;

namespace Gazette.Accounts;

/// <summary>
/// <c>users create-admin --email E --name N [--password-stdin]</c>: creates an Administrator in the configured
/// database (migrating it first, as the server would). There is no default password: without
/// <c>--password-stdin</c> a one-time password is generated, printed once, and must be changed at first sign-in.
/// </summary>
public static class CreateAdminVerb
{
    public const string Usage = """
        Usage: gazette users create-admin --email E --name N [--password-stdin]

        Creates a newsroom account with the Administrator role in the configured database (Database:Provider,
        ConnectionStrings:Gazette, Gazette:DataDirectory), bringing the database schema up to date first.
          --email E          the e-mail address the administrator signs in with
          --name N           the name shown in the newsroom
          --password-stdin   read the password from the first line of standard input (at least 12 characters);
                             without it a one-time password is printed once and must be changed at first sign-in
        Exit code 0 on success, 1 on bad input with the reason on stderr.
        """;

    /// <param name="args">the arguments after <c>users create-admin</c>.</param>
    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, Console.In, Console.Out, Console.Error, settings: null, CancellationToken.None);

    /// <param name="settings">configuration that overrides the environment's (tests point it at a temporary data folder).</param>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error,
        IEnumerable<KeyValuePair<string, string?>>? settings, CancellationToken cancellationToken)
    {
        if (VerbArguments.AskHelp(args))
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }
        if (VerbArguments.Read(args, ["--email", "--name"], ["--password-stdin"], positional: 0, out var problem) is not { } read)
            return await FailAsync(error, problem);
        string? email = read["--email"], name = read["--name"];
        var passwordFromInput = read.Has("--password-stdin");
        if (string.IsNullOrWhiteSpace(email))
            return await FailAsync(error, "--email is required");
        if (string.IsNullOrWhiteSpace(name))
            return await FailAsync(error, "--name is required");
        string? password = null;
        if (passwordFromInput)
        {
            password = await input.ReadLineAsync(cancellationToken);
            if (string.IsNullOrEmpty(password))
                return await FailAsync(error, "--password-stdin was given but standard input has no password");
        }

        await using var app = await VerbHost.StartDatabaseAsync([.. settings ?? [], .. read.Settings], cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<NewsroomAccounts>();
        var result = await accounts.CreateAsync(new NewsroomAccounts.Request(email, name, Roles.Administrator, password), cancellationToken);
        if (!result.Succeeded)
            return await FailAsync(error, string.Join(" ", result.Problems.Select(p => p.Value)));
        await output.WriteLineAsync($"Created administrator {result.User!.Email}.");
        if (result.OneTimePassword is not null)
        {
            await output.WriteLineAsync($"One-time password (shown only now; it must be changed at first sign-in): {result.OneTimePassword}");
        }
        return 0;
    }

    private static async Task<int> FailAsync(TextWriter error, string reason)
    {
        await error.WriteLineAsync($"gazette users create-admin: {reason.ReplaceLineEndings(" ")}");
        return 1;
    }
}

/// <summary>The application's services without the web server, for verbs that need the database.</summary>
public static class VerbHost
{
    /// <summary>Builds the app as <c>serve</c> would, and brings the database up to date (schema, roles, settings).</summary>
    public static async Task<WebApplication> StartDatabaseAsync(IEnumerable<KeyValuePair<string, string?>>? settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder();
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        // A verb's output is its answer: the server's start-up log lines would only bury it.
        builder.Logging.ClearProviders();
        GazetteServices.Add(builder);
        var app = builder.Build();
        await app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single().StartAsync(cancellationToken);
        return app;
    }
}
