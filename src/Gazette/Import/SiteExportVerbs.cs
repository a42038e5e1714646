using Gazette.Accounts;
using Gazette.Cli;

namespace Gazette.Import;

/// <summary><c>gazette export DIR [--include-credentials]</c> and <c>gazette import gazette DIR</c>.</summary>
public static class SiteExportVerbs
{
    public const string ExportUsage = "DIR [--include-credentials]: writes the whole site (JSON + media) to an empty folder";
    public const string RestoreUsage = "DIR: restores an export into an empty database";

    public static Task<int> ExportAsync(string[] args) => ExportAsync(args, Console.Out, Console.Error, CancellationToken.None);

    public static Task<int> RestoreAsync(string[] args) => RestoreAsync(args, Console.Out, Console.Error, CancellationToken.None);

    public static async Task<int> ExportAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (VerbArguments.Read(args, [], ["--include-credentials"], positional: 1, out var problem) is not { Positional.Count: 1 } parsed)
            return await FailAsync(error, "export", problem is "" ? $"give one folder. Usage: export {ExportUsage}" : problem);
        await using var app = await VerbHost.StartDatabaseAsync(parsed.Settings, cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var includeCredentials = parsed.Has("--include-credentials");
            var manifest = await scope.ServiceProvider.GetRequiredService<SiteExport>().ExportAsync(parsed.Positional[0], includeCredentials, cancellationToken);
            foreach (var (table, count) in manifest.Tables)
                await output.WriteLineAsync($"{table}: {count}");
            await output.WriteLineAsync(includeCredentials
                ? $"Exported to {parsed.Positional[0]}, WITH password hashes and sign-in secrets: keep it safe."
                : $"Exported to {parsed.Positional[0]} (without passwords or sign-in secrets).");
            return 0;
        }
        catch (ExportException e)
        {
            return await FailAsync(error, "export", e.Message);
        }
    }

    public static async Task<int> RestoreAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (VerbArguments.Read(args, [], null, positional: 1, out var problem) is not { Positional.Count: 1 } parsed)
            return await FailAsync(error, "import gazette", problem is "" ? $"give one folder. Usage: import gazette {RestoreUsage}" : problem);
        if (!Directory.Exists(parsed.Positional[0]))
            return await FailAsync(error, "import gazette", $"{parsed.Positional[0]}: no such folder");
        // Demo stories in the target would make it not empty; a restore is never a demo.
        parsed.Settings.Add(new("Gazette:DemoContent", "false"));
        await using var app = await VerbHost.StartDatabaseAsync(parsed.Settings, cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var counts = await scope.ServiceProvider.GetRequiredService<SiteRestore>().RestoreAsync(parsed.Positional[0], cancellationToken);
            foreach (var (table, count) in counts)
                await output.WriteLineAsync($"{table}: {count}");
            await output.WriteLineAsync("Restored. Users restored without passwords sign in after an administrator resets them; the search index rebuilds at start-up (or run `gazette search reindex`).");
            return 0;
        }
        catch (ExportException e)
        {
            return await FailAsync(error, "import gazette", $"{e.Message}. Nothing was restored.");
        }
    }

    private static async Task<int> FailAsync(TextWriter error, string verb, string reason)
    {
        await error.WriteLineAsync($"gazette {verb}: {reason}");
        return 1;
    }
}
