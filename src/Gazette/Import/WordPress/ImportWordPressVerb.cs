using Gazette.Accounts;

namespace Gazette.Import.WordPress;

/// <summary><c>gazette import wordpress FILE.xml [--uploads DIR] [--download] [--lang xx]</c></summary>
public static class ImportWordPressVerb
{
    public const string Usage = "FILE.xml [--uploads DIR] [--download] [--lang xx]: imports a WordPress export";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, settings: null, CancellationToken.None);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IEnumerable<KeyValuePair<string, string?>>? settings, CancellationToken cancellationToken)
    {
        string? file = null, uploads = null, language = null;
        var download = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--uploads" when i + 1 < args.Length: uploads = args[++i]; break;
                case "--lang" when i + 1 < args.Length: language = args[++i]; break;
                case "--download": download = true; break;
                case var option when option.StartsWith('-'):
                    return await FailAsync(error, $"unknown or incomplete option '{option}'. Usage: import wordpress {Usage}");
                default:
                    if (file is not null)
                        return await FailAsync(error, $"one file at a time ('{file}' and '{args[i]}' given)");
                    file = args[i];
                    break;
            }
        }
        if (file is null)
            return await FailAsync(error, $"no file given. Usage: import wordpress {Usage}");
        if (!File.Exists(file))
            return await FailAsync(error, $"{file}: no such file");
        if (uploads is not null && !Directory.Exists(uploads))
            return await FailAsync(error, $"{uploads}: no such folder (--uploads)");

        await using var app = await VerbHost.StartDatabaseAsync(settings, cancellationToken);
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
