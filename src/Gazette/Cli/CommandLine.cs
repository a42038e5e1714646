using Gazette.Spam;

namespace Gazette.Cli;

/// <summary>
/// <c>dotnet run -- VERB …</c>: the verbs of DESIGN.md. Exit code 0 on success, 1 on bad input with a one-line
/// reason on stderr. Verbs are added here as their features land.
/// </summary>
public static class CommandLine
{
    private sealed record Verb(string Name, string Summary, Func<string[], Task<int>> Run);

    private static readonly Verb[] Verbs =
    [
        new("serve", "runs the web server (the default)", _ => Task.FromResult(-1)),
        new("users create-admin", "--email E --name N [--password-stdin]: creates an administrator", Accounts.CreateAdminVerb.RunAsync),
        new("tokens create", Api.TokensCreateVerb.Summary, Api.TokensCreateVerb.RunAsync),
        new("spam score", "FILE.csv: scores comments (CONTENT, AUTHOR, COMMENT_ID columns); prints id,score,label", SpamScoreVerb.RunAsync),
        new("search reindex", "rebuilds the search index from the database (stop the server first)", Search.SearchReindexVerb.RunAsync),
        new("demo generate", "--articles N [--seed S]: adds N generated stories for benchmarks, then reindexes", Demo.DemoGenerateVerb.RunAsync),
        new("export", Import.SiteExportVerbs.ExportUsage, Import.SiteExportVerbs.ExportAsync),
        new("import gazette", Import.SiteExportVerbs.RestoreUsage, Import.SiteExportVerbs.RestoreAsync),
        new("import wordpress", Import.WordPress.ImportWordPressVerb.Usage, Import.WordPress.ImportWordPressVerb.RunAsync),
        new("tags", "tags suggest [--lang xx] FILE.jsonl: suggested tags per story", Tags.TagsSuggestVerb.RunAsync),
    ];

    /// <summary>True when the arguments name a verb other than <c>serve</c>, or ask for help.</summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && args[0] != "serve" || args is ["--help" or "-h", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--help" or "-h", ..] or ["help", ..])
        {
            PrintHelp();
            return 0;
        }
        // A verb's name may be several words ("spam score"); the words after it are its arguments.
        var verb = Verbs.FirstOrDefault(v => v.Name.Split(' ') is var words
            && args.Length >= words.Length && words.SequenceEqual(args[..words.Length]));
        if (verb is null)
        {
            await Console.Error.WriteLineAsync($"gazette: unknown verb '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(2))}'; run with --help for the list.");
            return 1;
        }
        return await verb.Run(args[verb.Name.Split(' ').Length..]);
    }

    private static void PrintHelp()
    {
        Console.WriteLine("Usage: gazette [VERB] [options]");
        Console.WriteLine();
        foreach (var verb in Verbs)
            Console.WriteLine($"  {verb.Name,-24} {verb.Summary}");
        Console.WriteLine();
        Console.WriteLine("Without a verb Gazette serves the site (--urls sets the address).");
    }
}
