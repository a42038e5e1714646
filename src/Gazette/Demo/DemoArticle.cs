using System.Globalization;
using System.Text.RegularExpressions;

using Gazette.Text;

namespace Gazette.Demo;

/// <summary>A day relative to today in the site's time zone and a local clock time: <c>-3d 08:15</c>, <c>+2d 09:00</c>.</summary>
public readonly record struct DemoTime(int Days, TimeSpan TimeOfDay)
{
    public DateTime ToUtc(DateTime nowUtc, TimeZoneInfo timeZone)
    {
        var today = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, timeZone).Date;
        var local = DateTime.SpecifyKind(today.AddDays(Days) + TimeOfDay, DateTimeKind.Unspecified);
        if (timeZone.IsInvalidTime(local))
            local = local.AddHours(1); // inside a spring-forward gap
        return TimeZoneInfo.ConvertTimeToUtc(local, timeZone);
    }

    public bool IsAfter(DemoTime other) => Days != other.Days ? Days > other.Days : TimeOfDay > other.TimeOfDay;
}

/// <summary>
/// One demo story file: a front matter block of <c>key: value</c> lines between two <c>---</c> lines, then the
/// Markdown body. The parser is strict: a key it does not know, a missing key or a malformed value throws
/// with the file name and line, so a broken demo file is found by the first test run, not by a reader.
/// Keys: headline, second-headline, slug (when the headline gives none), standfirst, language, section (slug), tags and authors (comma-separated; authors
/// by slug), published and updated (<see cref="DemoTime"/>), status (published or scheduled), figure (a file in
/// Demo/images), figure-alt, figure-caption, figure-credit, translation-of (the file name of the story in another
/// language this one translates: the two share a translation group, as a translation made in the editor does).
/// Images are named as <c>/media/demo/NAME</c>; the seed puts them in the media library and points the stories there.
/// </summary>
public sealed partial record DemoArticle
{
    public required string FileName { get; init; }
    public required string Headline { get; init; }
    public string? SecondHeadline { get; init; }
    public required string Standfirst { get; init; }
    public required string Language { get; init; }
    public required string Section { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
    public required DemoTime Published { get; init; }
    public DemoTime? Updated { get; init; }
    public bool Scheduled { get; init; }
    public string? Figure { get; init; }
    public string? FigureAlt { get; init; }
    public string? FigureCaption { get; init; }
    public string? FigureCredit { get; init; }

    /// <summary>The file name of the demo story this one is a translation of; null for an original.</summary>
    public string? TranslationOf { get; init; }
    public required string Body { get; init; }

    /// <summary>The URL slug: from the headline, or the <c>slug</c> key where the headline has no Latin letters (Arabic).</summary>
    public string Slug => Slugs.Create(ExplicitSlug ?? Headline);

    public string? ExplicitSlug { get; init; }

    /// <summary>The slugs named by the body's <c>[[read-also: slug]]</c> lines.</summary>
    public IEnumerable<string> ReadAlsoSlugs => ReadAlsoLine().Matches(Body).Select(m => m.Groups[1].Value);

    /// <summary>The file names of the demo images the body shows (<c>![alt](/media/demo/name.jpg)</c>).</summary>
    public IEnumerable<string> InlineImages => InlineImage().Matches(Body).Select(m => m.Groups["name"].Value);

    /// <summary>What each body image shows, by file name, from its alternative text.</summary>
    public IEnumerable<(string Name, string AltText)> InlineImageAltTexts =>
        InlineImage().Matches(Body).Select(m => (m.Groups["name"].Value, m.Groups["alt"].Value));

    /// <summary>The body with each <c>/media/demo/NAME</c> image address replaced by <paramref name="urlOf"/>(NAME).</summary>
    public string BodyWithImages(Func<string, string> urlOf) =>
        InlineImage().Replace(Body, m => $"![{m.Groups["alt"].Value}]({urlOf(m.Groups["name"].Value)})");

    private static readonly string[] Required = ["headline", "standfirst", "language", "section", "authors", "published"];
    private static readonly string[] Optional =
        ["second-headline", "slug", "tags", "updated", "status", "figure", "figure-alt", "figure-caption", "figure-credit", "translation-of"];

    public static DemoArticle Parse(string fileName, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines[0] != "---")
            throw Malformed(fileName, 1, "a demo story starts with a '---' line");
        var fields = new Dictionary<string, (string Value, int Line)>();
        var end = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i] == "---")
            {
                end = i;
                break;
            }
            var colon = lines[i].IndexOf(':');
            var key = colon > 0 ? lines[i][..colon].Trim() : "";
            if (key.Length == 0)
                throw Malformed(fileName, i + 1, "expected 'key: value'");
            if (!Required.Contains(key) && !Optional.Contains(key))
                throw Malformed(fileName, i + 1, $"unknown key '{key}'");
            var value = lines[i][(colon + 1)..].Trim();
            if (value.Length == 0)
                throw Malformed(fileName, i + 1, $"'{key}' is empty");
            if (!fields.TryAdd(key, (value, i + 1)))
                throw Malformed(fileName, i + 1, $"'{key}' is given twice");
        }
        if (end == 0)
            throw Malformed(fileName, lines.Length, "the front matter has no closing '---' line");
        foreach (var key in Required.Where(k => !fields.ContainsKey(k)))
            throw Malformed(fileName, end + 1, $"'{key}' is missing");

        string? Get(string key) => fields.TryGetValue(key, out var field) ? field.Value : null;
        List<string> List(string key) => Get(key) is { } value
            ? [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : [];
        DemoTime Time(string key)
        {
            var (value, line) = fields[key];
            var match = TimeValue().Match(value);
            if (!match.Success)
                throw Malformed(fileName, line, $"'{key}' must look like '-3d 08:15', not '{value}'");
            var days = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) * (match.Groups[1].Value == "-" ? -1 : 1);
            var time = new TimeSpan(int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture), 0);
            if (time >= TimeSpan.FromDays(1))
                throw Malformed(fileName, line, $"'{value}' is not a time of day");
            return new DemoTime(days, time);
        }

        var status = Get("status") ?? "published";
        if (status is not ("published" or "scheduled"))
            throw Malformed(fileName, fields["status"].Line, $"status is 'published' or 'scheduled', not '{status}'");
        if (fields.ContainsKey("figure") != fields.ContainsKey("figure-alt"))
            throw Malformed(fileName, end + 1, "'figure' and 'figure-alt' go together: every picture needs its alternative text");
        var body = string.Join('\n', lines[(end + 1)..]).Trim();
        if (body.Length == 0)
            throw Malformed(fileName, end + 2, "the story has no body");
        var authors = List("authors");
        if (authors.Count == 0)
            throw Malformed(fileName, fields["authors"].Line, "a story needs at least one author");

        return new DemoArticle
        {
            FileName = fileName,
            Headline = Get("headline")!,
            SecondHeadline = Get("second-headline"),
            ExplicitSlug = Get("slug"),
            Standfirst = Get("standfirst")!,
            Language = Get("language")!,
            Section = Get("section")!,
            Tags = List("tags"),
            Authors = authors,
            Published = Time("published"),
            Updated = fields.ContainsKey("updated") ? Time("updated") : null,
            Scheduled = status == "scheduled",
            Figure = Get("figure"),
            FigureAlt = Get("figure-alt"),
            FigureCaption = Get("figure-caption"),
            FigureCredit = Get("figure-credit"),
            TranslationOf = Get("translation-of"),
            Body = body,
        };
    }

    private static InvalidDataException Malformed(string fileName, int line, string reason) =>
        new($"Demo story {fileName}, line {line}: {reason}.");

    [GeneratedRegex(@"^([+-])(\d{1,3})d (\d{2}):(\d{2})$")]
    private static partial Regex TimeValue();

    [GeneratedRegex(@"^\[\[read-also:\s*([^\]\s]+)\s*\]\]$", RegexOptions.Multiline)]
    private static partial Regex ReadAlsoLine();

    [GeneratedRegex(@"!\[(?<alt>[^\]]*)\]\(/media/demo/(?<name>[^)\s]+)\)")]
    private static partial Regex InlineImage();
}
