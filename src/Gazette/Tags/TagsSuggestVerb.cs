using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using Gazette.Text.Keyphrases;
using Gazette.Text.Languages;

namespace Gazette.Tags;

/// <summary>
/// <c>gazette tags suggest [--lang xx] FILE.jsonl</c>: suggested tags for stories given one JSON object per line
/// (<c>{"id","title","text"}</c>, optionally <c>"lang"</c>), one <c>{"id","keyphrases":[…]}</c> line out per line in.
/// Needs neither the database nor the web server. The whole file is checked before anything is printed, so bad
/// input never leaves half an output behind.
/// </summary>
public static class TagsSuggestVerb
{
    /// <summary>The languages with tag rules of their own (<see cref="LanguageRegistry"/>), for --lang.</summary>
    private static readonly string Known = string.Join(", ", LanguageRegistry.All.Where(language => language.Keyphrases is not null).Select(language => language.Code));

    public static readonly string Usage = $$"""
        Usage: gazette tags suggest [--lang xx] [--alone] FILE.jsonl

        Reads one JSON object per line: {"id": …, "title": "…", "text": "…"} (a "lang" field is honoured when
        --lang is not given; otherwise the language is detected). Writes one line per story:
        {"id": …, "keyphrases": ["…", …]}, best first, at most 10.

        The file's stories are each other's collection, as a newsroom's published stories are in the editor: from
        20 stories of a language up, words most of the others use weigh less.

          --lang xx   language of every story: {{Known}}
          --alone     weigh each story on its own, without the file's other stories
        """;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<int> RunAsync(string[] args) =>
        Task.FromResult(Run(args, Console.Out, Console.Error));

    /// <summary>Runs the verb with <c>args</c> after <c>tags</c> (so starting with <c>suggest</c>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args is [] or ["--help" or "-h", ..] or ["suggest", "--help" or "-h", ..])
        {
            output.WriteLine(Usage);
            return args is [] ? 1 : 0;
        }
        if (args[0] != "suggest")
            return Fail(error, $"unknown tags command '{args[0]}'; try 'gazette tags suggest --help'.");
        string? language = null, file = null;
        var alone = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    output.WriteLine(Usage);
                    return 0;
                case "--lang" when i + 1 < args.Length:
                    language = args[++i].ToLowerInvariant();
                    if (KeyphraseLanguage.For(language) is null)
                        return Fail(error, $"unknown language '{language}' (known: {Known}).");
                    break;
                case "--lang":
                    return Fail(error, "--lang needs a language code.");
                case "--alone":
                    alone = true;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return Fail(error, $"unknown option '{option}'.");
                case var path when file is null:
                    file = path;
                    break;
                default:
                    return Fail(error, $"unexpected argument '{args[i]}'.");
            }
        }
        if (file is null)
            return Fail(error, "missing FILE.jsonl.");
        if (!File.Exists(file))
            return Fail(error, $"file not found: {file}");

        var stories = new List<SuggestInput>();
        var number = 0;
        foreach (var line in File.ReadLines(file, Encoding.UTF8))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var (story, reason) = Parse(line);
            if (story is null)
                return Fail(error, $"{file}: line {number}: {reason}");
            stories.Add(story);
        }

        var languages = stories.Select(story => language ?? KeyphraseLanguage.Choose(story.Language, story.Title, story.Text).Code).ToList();
        var collections = new Dictionary<string, DocumentFrequencies>(StringComparer.Ordinal);
        if (!alone)
        {
            for (var i = 0; i < stories.Count; i++)
            {
                if (!collections.TryGetValue(languages[i], out var counts))
                    collections[languages[i]] = counts = new DocumentFrequencies(languages[i]);
                counts.Add(stories[i].Title, stories[i].Text);
            }
        }

        var extractor = new KeyphraseExtractor();
        for (var i = 0; i < stories.Count; i++)
        {
            var (story, code) = (stories[i], languages[i]);
            // Each story is weighed against the others (its stems computed again rather than kept, so that a large
            // file does not hold every story's stems in memory).
            var keyphrases = collections.TryGetValue(code, out var collection)
                ? collection.Without(DocumentFrequencies.StemsOf(story.Title, story.Text, code),
                    () => extractor.Extract(story.Title, story.Text, code, collection: collection))
                : extractor.Extract(story.Title, story.Text, code);
            output.WriteLine(Format(story.Id, keyphrases));
        }
        return 0;
    }

    private static (SuggestInput? Input, string Reason) Parse(string line)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            return (null, $"invalid JSON ({exception.Message.Split('.')[0]}).");
        }
        if (root.ValueKind != JsonValueKind.Object)
            return (null, "expected a JSON object.");
        if (!root.TryGetProperty("id", out var id) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            return (null, "missing \"id\" (a string or a number).");
        if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            return (null, "missing \"text\" (a string).");
        var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var language = root.TryGetProperty("lang", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        return (new SuggestInput(id, title, text.GetString()!, language), "");
    }

    private static string Format(JsonElement id, IReadOnlyList<string> keyphrases)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteStartArray("keyphrases");
            foreach (var keyphrase in keyphrases)
                writer.WriteStringValue(keyphrase);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static int Fail(TextWriter error, string reason)
    {
        error.WriteLine($"gazette tags suggest: {reason}");
        return 1;
    }

    private sealed record SuggestInput(JsonElement Id, string? Title, string Text, string? Language);
}
