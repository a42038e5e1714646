// Search speed (docs/performance.md, "Search"): generates N stories with the `demo generate` generator, indexes them
// on disk through StoryDocument exactly as the site does (no database), then times the site's own StorySearch
// (query building, filters, sorting, highlighting, fuzzy fallback) over a fixed mix of queries.
//   dotnet run --project bench/search -c Release -- [--sizes 10000,100000] [--rounds 40]
using System.Diagnostics;
using System.Globalization;
using System.Net;

using Gazette;
using Gazette.Articles;
using Gazette.Authors;
using Gazette.Demo.Generator;
using Gazette.Search;
using Gazette.Sections;
using Gazette.Tags;
using Gazette.Text;

using Lucene.Net.Index;
using Lucene.Net.Store;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

var sizes = Option("--sizes", "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var rounds = int.Parse(Option("--rounds", "40"), CultureInfo.InvariantCulture);
var now = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

(string Kind, SearchRequest Request)[] mix =
[
    ("one word", new() { Query = "ferry" }),
    ("one word", new() { Query = "Hochwasser" }),
    ("one word", new() { Query = "festival" }),
    ("two words", new() { Query = "railway line" }),
    ("two words", new() { Query = "porto banchine" }),
    ("phrase", new() { Query = "\"wind farm\"" }),
    ("phrase", new() { Query = "\"parc éolien\"" }),
    ("filters", new() { Query = "festival", Language = "fr" }),
    ("filters", new() { Query = "jobs", Section = "economy", From = new DateOnly(2024, 1, 1), To = new DateOnly(2025, 12, 31) }),
    ("filters", new() { Tag = "football", Sort = SearchSort.Date }),
    ("fuzzy fallback", new() { Query = "Villemnot" }),
    ("fuzzy fallback", new() { Query = "stadiom Kessle" }),
    ("page 3, by date", new() { Query = "museum", Sort = SearchSort.Date, Page = 3 }),
];

Console.WriteLine($"Search benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {rounds} rounds of {mix.Length} queries");
foreach (var size in sizes)
{
    var folder = Path.Combine(Path.GetTempPath(), "gazette-search-bench-" + Guid.NewGuid().ToString("N"));
    try
    {
        var rate = Build(folder, size);
        var options = Options.Create(new GazetteOptions { DataDirectory = folder });
        using var index = new SearchIndex(options, NullLogger<SearchIndex>.Instance);
        if (!index.TryOpen())
            throw new InvalidOperationException("The benchmark index cannot be opened.");
        var search = new ArticleSearch(index);
        var times = mix.Select(_ => new List<double>()).ToArray();
        var cpuTimes = mix.Select(_ => new List<double>()).ToArray();
        var totals = new int[mix.Length];
        for (var round = -5; round < rounds; round++)
        {
            for (var q = 0; q < mix.Length; q++)
            {
                var cpuBefore = ThreadCpuMilliseconds();
                var watch = Stopwatch.StartNew();
                var results = search.Search(mix[q].Request, now, TimeZoneInfo.Utc)!;
                watch.Stop();
                var cpu = ThreadCpuMilliseconds() - cpuBefore;
                totals[q] = results.Total;
                if (round >= 0)
                {
                    times[q].Add(watch.Elapsed.TotalMilliseconds);
                    cpuTimes[q].Add(cpu);
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine($"## {size:N0} stories: index built at {rate:N0} stories/s, {DirectorySize(folder) / 1048576.0:F0} MB on disk");
        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| query kind | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms | hits |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var kind in mix.Select(m => m.Kind).Distinct())
        {
            var indexes = Enumerable.Range(0, mix.Length).Where(i => mix[i].Kind == kind).ToList();
            var all = indexes.SelectMany(i => times[i]).Order().ToList();
            var cpu = indexes.SelectMany(i => cpuTimes[i]).Order().ToList();
            Console.WriteLine($"| {kind} | {Percentile(all, 50):F2} | {Percentile(all, 95):F2} | {Percentile(cpu, 50):F2} | {Percentile(cpu, 95):F2} | {string.Join(", ", indexes.Select(i => totals[i]))} |");
        }
        var overall = times.SelectMany(t => t).Order().ToList();
        var overallCpu = cpuTimes.SelectMany(t => t).Order().ToList();
        Console.WriteLine($"| **all** | **{Percentile(overall, 50):F2}** | **{Percentile(overall, 95):F2}** | **{Percentile(overallCpu, 50):F2}** | **{Percentile(overallCpu, 95):F2}** | |");
    }
    finally
    {
        if (System.IO.Directory.Exists(folder))
            System.IO.Directory.Delete(folder, recursive: true);
    }
}
return 0;

// Writes the index as SearchIndex.RebuildAsync would, from generated stories instead of database rows; stories/s.
double Build(string folder, int count)
{
    var generator = new ArticleGenerator(seed: 7, now);
    var sections = PhraseBook.Sections.Select((s, i) => new Section { Id = i + 1, Name = s.Name, Slug = s.Slug }).ToDictionary(s => s.Slug);
    var authors = PhraseBook.All.Select((b, i) => new Author { Id = i + 1, Name = b.AuthorName, Slug = Slugs.Create(b.AuthorName) }).ToDictionary(a => a.Name);
    var tags = new Dictionary<string, Tag>();
    var stories = Enumerable.Range(1, count).Select(id =>
    {
        var story = generator.Next();
        return new Article
        {
            Id = id,
            Headline = story.Headline,
            Standfirst = story.Standfirst,
            Language = story.Language,
            BodyHtml = string.Concat(story.BodyMarkdown.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n")),
            Slug = $"{Slugs.Create(story.Headline)}-{id}",
            Status = ArticleStatus.Published,
            PublishedAt = story.PublishedAt,
            Section = sections[story.SectionSlug],
            Authors = [new ArticleAuthor { Author = authors[story.Author] }],
            Tags = story.Tags.Select(name => Slugs.Create(name)).Distinct()
                .Select(slug => tags.TryGetValue(slug, out var tag) ? tag : tags[slug] = new Tag { Id = tags.Count + 1, Name = slug, Slug = slug }).ToList(),
        };
    }).ToList();
    var watch = Stopwatch.StartNew();
    using (var directory = FSDirectory.Open(Path.Combine(folder, "search-index")))
    using (var writer = new IndexWriter(directory, SearchIndex.WriterConfig(OpenMode.CREATE)))
    {
        foreach (var article in stories)
            writer.AddDocument(ArticleDocument.From(article));
        writer.SetCommitData(new Dictionary<string, string> { [SearchIndex.LastChangeKey] = "0", [SearchIndex.LayoutKey] = SearchIndex.Layout });
        writer.Commit();
    }
    return count / watch.Elapsed.TotalSeconds;
}

static double Percentile(List<double> sorted, int percent) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];

// The searching thread's own CPU time: on a shared machine the wall clock also counts the time other processes
// held the cores, this does not (Linux CLOCK_THREAD_CPUTIME_ID).
static double ThreadCpuMilliseconds()
{
    if (!OperatingSystem.IsLinux() || Native.clock_gettime(3, out var time) != 0)
        return double.NaN;
    return time.Seconds * 1000.0 + time.Nanoseconds / 1_000_000.0;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static long DirectorySize(string folder) => new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

string Option(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

internal static partial class Native
{
    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    internal static partial int clock_gettime(int clock, out TimeSpec time);

    internal struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
