using System.Text.Json;

using Gazette.Tags;
using Gazette.Tests.Text;

namespace Gazette.Tests.Tags;

public sealed class TagsSuggestVerbTests : IDisposable
{
    private readonly string workFolder = Directory.CreateTempSubdirectory("gazette-tags-").FullName;

    public void Dispose() => Directory.Delete(workFolder, recursive: true);

    [Fact]
    public void Prints_one_line_of_keyphrases_per_story()
    {
        var file = Write(
            JsonSerializer.Serialize(new { id = "a1", title = KeyphraseSamples.FrenchTitle, text = KeyphraseSamples.FrenchText }),
            "",
            JsonSerializer.Serialize(new { id = 7, title = KeyphraseSamples.EnglishTitle, text = KeyphraseSamples.EnglishText, lang = "en", extra = true }));

        var (code, output, error) = Run("suggest", file);

        Assert.Equal(0, code);
        Assert.Empty(error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("garanties de sécurité", lines[0]); // not escaped as \u00E9
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("a1", first.RootElement.GetProperty("id").GetString());
        var keyphrases = first.RootElement.GetProperty("keyphrases").EnumerateArray().Select(k => k.GetString()).ToList();
        Assert.InRange(keyphrases.Count, 5, 10);
        Assert.Contains("Jens Stoltenberg", keyphrases);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(7, second.RootElement.GetProperty("id").GetInt32());
    }

    [Fact]
    public void The_file_s_other_stories_are_the_collection_unless_alone()
    {
        var lines = DocumentFrequenciesTests.TownArticles()
            .Select((story, i) => JsonSerializer.Serialize(new { id = i, title = story.Title, text = story.Text }))
            .Append(JsonSerializer.Serialize(new { id = "lighthouse", title = DocumentFrequenciesTests.Title, text = DocumentFrequenciesTests.Text }));
        var file = Write([.. lines]);

        var together = Keyphrases(Run("suggest", "--lang", "en", file).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        var alone = Keyphrases(Run("suggest", "--lang", "en", "--alone", file).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);

        Assert.Equal("lighthouse", together[0], ignoreCase: true);
        Assert.Equal("council", alone[0], ignoreCase: true);

        static List<string> Keyphrases(string line)
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.GetProperty("keyphrases").EnumerateArray().Select(k => k.GetString()!).ToList();
        }
    }

    [Fact]
    public void Honours_lang_option()
    {
        var file = Write(JsonSerializer.Serialize(new { id = "x", title = "", text = KeyphraseSamples.FrenchText }));

        var (code, output, _) = Run("suggest", "--lang", "fr", file);

        Assert.Equal(0, code);
        Assert.Contains("Conseil OTAN-Ukraine", output);
    }

    [Fact]
    public void Invalid_json_names_the_line_and_prints_nothing()
    {
        var file = Write("""{"id":"1","text":"Un texte."}""", """{"id":"2","text": oops}""");

        var (code, output, error) = Run("suggest", file);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("line 2", error);
        Assert.Contains("invalid JSON", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Missing_text_names_the_line()
    {
        var file = Write("""{"id":"1","title":"Sans texte"}""");

        var (code, _, error) = Run("suggest", file);

        Assert.Equal(1, code);
        Assert.Contains("line 1", error);
        Assert.Contains("\"text\"", error);
    }

    [Theory]
    [InlineData("suggest", "/no/such/file.jsonl")]
    [InlineData("suggest")]
    [InlineData("suggest", "--lang", "xx", "file.jsonl")]
    [InlineData("guess", "file.jsonl")]
    public void Bad_arguments_fail_with_one_line(params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(1, code);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Help_prints_usage()
    {
        var (code, output, _) = Run("suggest", "--help");

        Assert.Equal(0, code);
        Assert.Contains("tags suggest", output);
    }

    private string Write(params string[] lines)
    {
        var path = Path.Combine(workFolder, "stories.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = TagsSuggestVerb.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
