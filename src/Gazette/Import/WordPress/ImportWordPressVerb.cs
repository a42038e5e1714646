using Gazette.Accounts;
using Gazette.Cli;

namespace Gazette.Import.WordPress;

/// <summary><c>gazette import wordpress FILE.xml [--uploads DIR] [--download] [--lang xx]</c></summary>
public static class ImportWordPressVerb
{
    public const string Usage = "FILE.xml [--uploads DIR] [--download] [--lang xx]: imports a WordPress export";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, settings: null, CancellationToken.None);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IEnumerable<KeyValuePair<string, string?>>? settings, CancellationToken cancellationToken)
    {
        if (VerbArguments.Read(args, ["--uploads", "--lang"], ["--download"], positional: 1, out var problem) is not { } read)
            return await FailAsync(error, $"{problem}. Usage: import wordpress {Usage}");
        string? file = read.Positional.FirstOrDefault(), uploads = read["--uploads"], language = read["--lang"];
        var download = read.Has("--download");
        if (file is null)
            return await FailAsync(error, $"no file given. Usage: import wordpress {Usage}");
        if (!File.Exists(file))
            return await FailAsync(error, $"{file}: no such file");
        if (uploads is not null && !Directory.Exists(uploads))
            return await FailAsync(error, $"{uploads}: no such folder (--uploads)");

        await using var app = await VerbHost.StartDatabaseAsync([.. settings ?? [], .. read.Settings], cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<WordPressImporter>();
        try
        {
            var summary = await importer.ImportAsync(file, new WordPressImportOptions(uploads, download, language), cancellationToken);
            foreach (var line in summary.Lines())
                await output.WriteLineAsync(line);
            return 0;
        }
        catch (WxrFormatException e)
        {
            return await FailAsync(error, $"{file}: {e.Message}. Nothing was imported.");
        }
    }

    private static async Task<int> FailAsync(TextWriter error, string reason)
    {
        await error.WriteLineAsync($"gazette import wordpress: {reason}");
        return 1;
    }
}
