using Gazette.Accounts;

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
        if (!VerbArguments.TryParse(args, ["--include-credentials"], out var parsed, out var problem) || parsed.Positional.Count != 1)
            return await FailAsync(error, "export", problem ?? $"give one folder. Usage: export {ExportUsage}");
        await using var app = await VerbHost.StartDatabaseAsync(parsed.Settings, cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var includeCredentials = parsed.Flags.Contains("--include-credentials");
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
        if (!VerbArguments.TryParse(args, [], out var parsed, out var problem) || parsed.Positional.Count != 1)
            return await FailAsync(error, "import gazette", problem ?? $"give one folder. Usage: import gazette {RestoreUsage}");
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

/// <summary>A verb's words: positional arguments, known flags, and <c>--Section:Key value</c> configuration overrides.</summary>
public sealed record VerbArguments(List<string> Positional, HashSet<string> Flags, List<KeyValuePair<string, string?>> Settings)
{
    public static bool TryParse(string[] args, string[] knownFlags, out VerbArguments parsed, out string? problem)
    {
        parsed = new VerbArguments([], [], []);
        problem = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (knownFlags.Contains(arg))
                parsed.Flags.Add(arg);
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':') && i + 1 < args.Length)
                parsed.Settings.Add(new(arg[2..], args[++i]));
            else if (arg.StartsWith('-'))
            {
                problem = $"unknown option '{arg}'";
                return false;
            }
            else
                parsed.Positional.Add(arg);
        }
        return true;
    }
}
