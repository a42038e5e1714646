using System.Text.RegularExpressions;

namespace Gazette.Tests.Localization;

/// <summary>
/// A heuristic guard: the newsroom's Razor views take their words from Newsroom.resx, so a text node or a
/// human-facing attribute written as plain English in an admin .cshtml is a string someone forgot to translate.
/// </summary>
public partial class AdminHardCodedTextTests
{
    /// <summary>Words that are the same in every language: names, units, codes.</summary>
    private static readonly HashSet<string> Untranslatable = ["Gazette", "UTC", "WordPress", "JPEG", "PNG", "WebP", "GIF", "MB", "KB", "URL", "API", "JSON", "HTML", "Markdown", "RSS", "HMAC", "SHA256"];

    private static string AdminFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var admin = Path.Combine(directory.FullName, "src", "Gazette", "Admin");
            if (Directory.Exists(admin))
                return admin;
        }
        throw new InvalidOperationException("src/Gazette/Admin not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Admin_views_have_no_hard_coded_english()
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(AdminFolder(), "*.cshtml", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = RazorExpression().Replace(lines[i], " ");
                var texts = TextNode().Matches(line).Select(match => match.Groups[1].Value)
                    .Concat(HumanAttribute().Matches(line).Select(match => match.Groups[1].Value));
                // Example values (Europe/Paris, https://news.example) are data, not sentences.
                foreach (var text in texts.Where(text => !ExampleValue().IsMatch(text)))
                {
                    var words = Word().Matches(text).Select(match => match.Value).Where(word => !Untranslatable.Contains(word)).ToList();
                    if (words.Count > 0)
                        found.Add($"{Path.GetRelativePath(AdminFolder(), file)}:{i + 1}: {text.Trim()}");
                }
            }
        }
        Assert.Empty(found);
    }

    /// <summary>Razor code in markup: @Words["Key"], @Model.X, @User.Identity!.Name, @(…), @x.ToString("…").</summary>
    [GeneratedRegex(@"@(\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)|[A-Za-z_]\w*(?:\[(?:[^\[\]]|\[[^\[\]]*\])*\]|\((?:[^()]|\([^()]*\))*\)|!?\.\w+)*)")]
    private static partial Regex RazorExpression();

    /// <summary>Text between two tags on one line.</summary>
    [GeneratedRegex(@">([^<>{};=]+)<")]
    private static partial Regex TextNode();

    [GeneratedRegex(@"\b(?:placeholder|alt|title|aria-label)=""([^""@]*)""")]
    private static partial Regex HumanAttribute();

    [GeneratedRegex(@"^\s*\S*[/.]\S*\s*$")]
    private static partial Regex ExampleValue();

    /// <summary>A word of three letters or more.</summary>
    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex Word();
}
