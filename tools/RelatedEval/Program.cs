// Scores "read also" (Gazette.Related.RelatedRanking, the site's own code) on the BBC News dev split in
// ../shared/datasets (see docs/quality.md). Every dev article becomes a published English story in a temporary
// in-memory index built through StoryDocument, as the site builds its own; then each story's list of 5 is read.
// A neighbour is relevant when it has the story's category and is not an exact duplicate of it (the dataset's
// `exact_duplicates`); the duplicate rate is the share of lists holding one. Only dev exists here: nothing is tuned
// on held-out data.
using System.Diagnostics;
using System.Net;
using System.Text.Json;

using Gazette.Articles;
using Gazette.Related;
using Gazette.Search;

using Lucene.Net.Index;
using Lucene.Net.Store;

var datasets = args.FirstOrDefault(a => !a.StartsWith('-')) ?? FindDatasets();
var path = Path.Combine(datasets, "bbc-news", "articles.dev.jsonl");
var rows = File.ReadLines(path).Select(line => JsonDocument.Parse(line).RootElement).Select((row, i) => new Row(
    i + 1,
    row.GetProperty("id").GetString()!,
    row.GetProperty("category").GetString()!,
    row.GetProperty("title").GetString()!,
    row.GetProperty("body").GetString()!,
    row.GetProperty("exact_duplicates").EnumerateArray().Select(d => d.GetString()!).ToHashSet())).ToList();
var byId = rows.ToDictionary(r => r.Id);
var published = new DateTime(2005, 1, 1, 12, 0, 0, DateTimeKind.Utc);

var build = Stopwatch.StartNew();
using var directory = new RAMDirectory();
using (var writer = new IndexWriter(directory, SearchIndex.WriterConfig(OpenMode.CREATE)))
{
    foreach (var row in rows)
    {
        var body = string.Concat(row.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{WebUtility.HtmlEncode(p.Trim())}</p>"));
        writer.AddDocument(ArticleDocument.From(new Article
        {
            Id = row.Id,
            Headline = row.Title,
            BodyHtml = body,
            Language = "en",
            Slug = $"story-{row.Id}",
            Status = ArticleStatus.Published,
            PublishedAt = published,
        }));
    }
    writer.Commit();
}
build.Stop();

using var reader = DirectoryReader.Open(directory);
var searcher = SearchIndex.Searcher(reader);
var now = published.AddDays(1);
double hits3 = 0, hits5 = 0;
var withDuplicate = 0;
var duplicatesReturned = 0;
var shortLists = 0;
var times = new List<double>();
foreach (var row in rows)
{
    var watch = Stopwatch.StartNew();
    var related = RelatedRanking.Rank(searcher, row.Id, now, new HashSet<int>());
    times.Add(watch.Elapsed.TotalMilliseconds);
    if (related.Count < RelatedRanking.MaxArticles)
        shortLists++;
    bool Relevant(int id) => byId[id].Category == row.Category && !row.Duplicates.Contains(byId[id].Name);
    hits3 += related.Take(3).Count(Relevant) / 3.0;
    hits5 += related.Take(5).Count(Relevant) / 5.0;
    var duplicates = related.Count(id => row.Duplicates.Contains(byId[id].Name));
    duplicatesReturned += duplicates;
    if (duplicates > 0)
        withDuplicate++;
}
times.Sort();
Console.WriteLine($"BBC News dev: {rows.Count} stories, {rows.Count(r => r.Duplicates.Count > 0)} with an exact duplicate; index built in {build.Elapsed.TotalSeconds:F1} s");
Console.WriteLine();
Console.WriteLine("| measure | value |");
Console.WriteLine("|---|---|");
Console.WriteLine($"| precision@3 (same category, duplicates not counted) | {100 * hits3 / rows.Count:F1} % |");
Console.WriteLine($"| precision@5 (same category, duplicates not counted) | {100 * hits5 / rows.Count:F1} % |");
Console.WriteLine($"| lists holding an exact duplicate of the story | {100.0 * withDuplicate / rows.Count:F2} % ({duplicatesReturned} duplicates returned) |");
Console.WriteLine($"| lists shorter than 5 | {shortLists} |");
Console.WriteLine($"| time per list, p50 / p95 | {times[times.Count / 2]:F2} ms / {times[(int)(times.Count * 0.95)]:F2} ms |");
return 0;

static string FindDatasets()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "datasets");
        if (System.IO.Directory.Exists(candidate))
            return candidate;
    }
    return "/work/shared/datasets";
}

internal sealed record Row(int Id, string Name, string Category, string Title, string Body, HashSet<string> Duplicates);
