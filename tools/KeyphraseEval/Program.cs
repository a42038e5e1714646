// Scores the keyphrase extractor on the development splits in ../shared/datasets (see docs/quality.md).
// Matching: predicted and gold phrases are lower-cased, cut into runs of letters and digits, each run stemmed
// (Porter for English, French Snowball for French) and re-joined with spaces; a prediction is correct when its
// stemmed phrase equals a gold stemmed phrase. P, R and F1 are computed per document and macro-averaged.
// Parameters may be tuned only by two-fold cross-validation on the dev split (--tune): halves are fixed by a
// hash of the document id, each half's best setting is scored on the other half.
using System.Text.Json;

using Gazette.Text.Keyphrases;
using Gazette.Text.Languages;

var datasets = args.FirstOrDefault(a => !a.StartsWith('-')) ?? FindDatasets();
var tune = args.Contains("--tune");
// --tune-graph: the same two-fold check for the topic graph's weight and the apposition rule, others at their defaults.
var tuneGraph = args.Contains("--tune-graph");
// --tune-nouns: the same check for the POS-free noun cues (verb markers, adjective heads) and the length prior of repeated phrases.
var tuneNouns = args.Contains("--tune-nouns");
// --tune-collection: the same check for the exponent of the collection's word-frequency prior (0 = no collection).
var tuneCollection = args.Contains("--tune-collection");
var english = Load(Path.Combine(datasets, "keyphrase-500n-kpcrowd", "docs.dev.jsonl"), "en", d =>
{
    var text = d.GetProperty("text").GetString()!;
    var newline = text.IndexOf('\n');
    return newline < 0 ? (text, "") : (text[..newline], text[(newline + 1)..]);
}, "keyphrases");
var frenchPath = Path.Combine(datasets, "keyphrase-wikinews-fr", "docs.dev.jsonl");
static (string, string) WikiNewsText(JsonElement d)
{
    var title = d.GetProperty("title").GetString()!;
    var text = d.GetProperty("text").GetString()!;
    return (title, text.StartsWith(title, StringComparison.Ordinal) ? text[title.Length..].TrimStart() : text);
}
var sets = new List<Dataset>
{
    new("500N-KPCrowd dev (en), gold `keyphrases`", english),
    new("WikiNews dev (fr), gold `keyphrases` (ref, as Gallina et al.)", Load(frenchPath, "fr", WikiNewsText, "keyphrases")),
    new("WikiNews dev (fr), gold `keyphrases_liaad` (as YAKE)", Load(frenchPath, "fr", WikiNewsText, "keyphrases_liaad")),
};

var defaults = new KeyphraseExtractor();
foreach (var variant in args.Where(a => a.StartsWith("--try=")))
{
    // Quick look at one setting: --try=title,share,length,determiner[,names,once,graph,appositions,positionBias]
    var v = variant[6..].Split(',');
    var e = new KeyphraseExtractor { TitleFactor = double.Parse(v[0]), OwnUseShare = double.Parse(v[1]), LengthFactor = double.Parse(v[2]), LoneWordsNeedDeterminer = bool.Parse(v[3]), NamesKeepLength = v.Length < 5 || bool.Parse(v[4]), OnceNeedsDeterminer = v.Length < 6 || bool.Parse(v[5]), GraphWeight = v.Length < 7 ? null : double.Parse(v[6]), SkipAppositions = v.Length < 8 ? null : bool.Parse(v[7]), GraphPositionBias = v.Length < 9 ? null : double.Parse(v[8]) };
    foreach (var set in sets)
        Print(set.Name, "all", variant, Score(set.Documents, e));
}
if (args.Contains("--lengths"))
{
    // Where the hits are: predictions among the first 10 and correct ones, by number of words.
    foreach (var set in sets)
    {
        var made = new int[6];
        var right = new int[6];
        foreach (var d in set.Documents)
        {
            var stem = d.Language == "en" ? Stemmers.Porter() : Stemmers.For(d.Language);
            var gold = d.Gold.Select(g => Normalize(g, stem)).ToHashSet();
            foreach (var k in Suggest(defaults, d).Take(10).Select(k => Normalize(k, stem)).Distinct())
            {
                var words = Math.Min(5, k.Split(' ').Length);
                made[words]++;
                right[words] += gold.Contains(k) ? 1 : 0;
            }
        }
        Console.WriteLine($"{set.Name}: " + string.Join("; ", Enumerable.Range(1, 5).Select(n => $"{n} words {right[n]}/{made[n]}")));
    }
    return 0;
}
if (args.Contains("--kinds"))
{
    // Where the hits are among the first 20: by rank, and by kind of phrase (one or several words, names or not).
    foreach (var set in sets.Take(2))
    {
        var byRank = new int[20];
        var kinds = new Dictionary<string, (int Made, int Right)>();
        foreach (var d in set.Documents)
        {
            var stem = d.Language == "en" ? Stemmers.Porter() : Stemmers.For(d.Language);
            var gold = d.Gold.Select(g => Normalize(g, stem)).ToHashSet();
            var got = Suggest(defaults, d, 20);
            for (var i = 0; i < got.Count; i++)
            {
                var right = gold.Contains(Normalize(got[i], stem));
                byRank[i] += right ? 1 : 0;
                if (i >= 10)
                    continue;
                var words = got[i].Split(' ');
                var kind = (words.Length == 1 ? "one " : "more ") + (words.All(w => char.IsUpper(w[0])) ? "name" : "common");
                var (m, r) = kinds.GetValueOrDefault(kind);
                kinds[kind] = (m + 1, r + (right ? 1 : 0));
            }
        }
        Console.WriteLine($"{set.Name}: by rank " + string.Join(" ", byRank) + "; " + string.Join("; ", kinds.Select(k => $"{k.Key} {k.Value.Right}/{k.Value.Made}")));
    }
    return 0;
}
if (args.Contains("--noun-cues"))
{
    // What the POS-free noun cues take out of the first 10 English suggestions (* = in the gold), and what comes in.
    var without = new KeyphraseExtractor { VerbCues = false, NounHeads = false };
    var (outs, ins) = (new List<string>(), new List<string>());
    foreach (var d in english)
    {
        var stem = Stemmers.Porter();
        var gold = d.Gold.Select(g => Normalize(g, stem)).ToHashSet();
        string Mark(string k) => gold.Contains(Normalize(k, stem)) ? "*" + k : k;
        var with = Suggest(defaults, d);
        var before = Suggest(without, d);
        outs.AddRange(before.Except(with).Select(Mark));
        ins.AddRange(with.Except(before).Select(Mark));
    }
    Console.WriteLine($"out ({outs.Count(k => k[0] == '*')}/{outs.Count} in gold): {string.Join(" | ", outs)}");
    Console.WriteLine($"in ({ins.Count(k => k[0] == '*')}/{ins.Count} in gold): {string.Join(" | ", ins)}");
    return 0;
}
if (args.Contains("--show"))
{
    foreach (var set in sets)
        foreach (var d in set.Documents.Take(int.TryParse(Environment.GetEnvironmentVariable("SHOW"), out var shown) ? shown : 6))
        {
            var stem = d.Language == "en" ? Stemmers.Porter() : Stemmers.For(d.Language);
            var gold = d.Gold.Select(g => Normalize(g, stem)).ToHashSet();
            var got = Suggest(defaults, d).Select(k => gold.Contains(Normalize(k, stem)) ? "*" + k : k);
            Console.WriteLine($"{d.Id}\n  got:  {string.Join(" | ", got)}\n  gold: {string.Join(" | ", d.Gold.Take(25))}");
        }
    return 0;
}
Console.WriteLine("| data | docs | setting | P@5 | R@5 | F1@5 | P@10 | R@10 | F1@10 | F1@10 exact, unstemmed |");
Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var set in sets)
{
    Print(set.Name, "all", "defaults", Score(set.Documents, defaults));
    if (!tune && !tuneGraph && !tuneNouns && !tuneCollection)
        continue;
    var halves = set.Documents.GroupBy(d => StableHash(d.Id) % 2).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
    for (var h = 0; h < 2; h++)
    {
        var scored = (tuneCollection ? CollectionGrid() : tuneNouns ? NounGrid() : tuneGraph ? GraphGrid() : Grid()).Select(e => (e, Score(halves[h], e).F10)).ToList();
        if (args.Contains("--grid"))
            foreach (var (e, f) in scored)
                Console.WriteLine($"  half {h + 1}: {Describe(e)}: F1@10 {f:P2}");
        var (best, _) = scored.MaxBy(p => p.Item2);
        var other = halves[1 - h];
        Print(set.Name, $"half {2 - h}", $"tuned on half {h + 1}: {Describe(best)}", Score(other, best));
        Print(set.Name, $"half {2 - h}", "defaults", Score(other, defaults));
    }
}
return 0;

static void Print(string name, string part, string setting, Scores s) =>
    Console.WriteLine($"| {name} ({part}) | {s.Documents} | {setting} | {s.P5:P1} | {s.R5:P1} | {s.F5:P1} | {s.P10:P1} | {s.R10:P1} | {s.F10:P2} | {s.F10Exact:P1} |");

static IEnumerable<KeyphraseExtractor> Grid() =>
    from title in new[] { 0.25, 0.5, 1.0 }
    from share in new[] { 0.3, 0.6 }
    from length in new[] { 1.0, 2.0, 4.0, 8.0 }
    from determiner in new[] { false }
    select new KeyphraseExtractor { TitleFactor = title, OwnUseShare = share, LengthFactor = length, LoneWordsNeedDeterminer = determiner };

static IEnumerable<KeyphraseExtractor> GraphGrid() =>
    from graph in new[] { 0.0, 0.5, 1.0, 2.0 }
    from appositions in new[] { false, true }
    from bias in new[] { 0.0, 1.0 }
    select new KeyphraseExtractor { GraphWeight = graph, SkipAppositions = appositions, GraphPositionBias = bias };

static IEnumerable<KeyphraseExtractor> NounGrid() =>
    from verbs in new[] { false, true }
    from adjectives in new[] { false, true }
    from repeated in new[] { 1.0, 4.0, 8.0 }
    from whole in new[] { false, true }
    select new KeyphraseExtractor { VerbCues = verbs, NounHeads = adjectives, RepeatedLengthFactor = repeated, WholePhrases = whole };

static IEnumerable<KeyphraseExtractor> CollectionGrid() =>
    from weight in new[] { 0.0, 0.5, 1.0, 1.5, 2.0 }
    select new KeyphraseExtractor { CollectionWeight = weight };

static string Describe(KeyphraseExtractor e) => e.CollectionWeight is { } collection
    ? $"CollectionWeight={collection}"
    : e.GraphWeight is { } graph
    ? $"GraphWeight={graph}, SkipAppositions={e.SkipAppositions}, GraphPositionBias={e.GraphPositionBias}"
    : e.LoneWordsNeedDeterminer is null
    ? $"VerbCues={e.VerbCues}, NounHeads={e.NounHeads}, RepeatedLengthFactor={e.RepeatedLengthFactor}, WholePhrases={e.WholePhrases}"
    : $"TitleFactor={e.TitleFactor}, OwnUseShare={e.OwnUseShare}, LengthFactor={e.LengthFactor}, LoneWordsNeedDeterminer={e.LoneWordsNeedDeterminer}";

static Scores Score(List<Document> documents, KeyphraseExtractor extractor)
{
    double p5 = 0, r5 = 0, f5 = 0, p10 = 0, r10 = 0, f10 = 0, exact10 = 0;
    foreach (var document in documents)
    {
        var stem = document.Language == "en" ? Stemmers.Porter() : Stemmers.For(document.Language);
        var predicted = Suggest(extractor, document);
        var gold = document.Gold.Select(g => Normalize(g, stem)).Where(g => g.Length > 0).ToHashSet();
        var goldExact = document.Gold.Select(g => Normalize(g, w => w)).ToHashSet();
        var (p, r, f) = Prf(predicted.Take(5).Select(k => Normalize(k, stem)).Distinct().ToList(), gold);
        (p5, r5, f5) = (p5 + p, r5 + r, f5 + f);
        (p, r, f) = Prf(predicted.Take(10).Select(k => Normalize(k, stem)).Distinct().ToList(), gold);
        (p10, r10, f10) = (p10 + p, r10 + r, f10 + f);
        exact10 += Prf(predicted.Take(10).Select(k => Normalize(k, w => w)).Distinct().ToList(), goldExact).F;
    }
    var n = documents.Count;
    return new Scores(n, p5 / n, r5 / n, f5 / n, p10 / n, r10 / n, f10 / n, exact10 / n);
}

// The other dev documents of the set are the collection (as a newsroom's other stories are): the document is taken
// out of the counts while it is scored.
static IReadOnlyList<string> Suggest(KeyphraseExtractor extractor, Document document, int count = KeyphraseExtractor.DefaultCount) =>
    document.Collection.Without(document.Stems,
        () => extractor.Extract(document.Title, document.Text, document.Language, count, document.Collection));

static (double P, double R, double F) Prf(List<string> predicted, HashSet<string> gold)
{
    if (predicted.Count == 0 || gold.Count == 0)
        return (0, 0, 0);
    var hits = predicted.Count(gold.Contains);
    double p = (double)hits / predicted.Count, r = (double)hits / gold.Count;
    return (p, r, hits == 0 ? 0 : 2 * p * r / (p + r));
}

static string Normalize(string phrase, Func<string, string> stem) =>
    string.Join(' ', TextTokens.Words(phrase.Replace("\u00AD", "").ToLowerInvariant()).Select(stem));

static List<Document> Load(string path, string language, Func<JsonElement, (string Title, string Text)> text, string goldField)
{
    var corpus = new DocumentFrequencies(language);
    return File.ReadLines(path).Where(l => l.Length > 0).Select(line =>
    {
        var root = JsonDocument.Parse(line).RootElement;
        var (title, body) = text(root);
        var gold = root.GetProperty(goldField).EnumerateArray().Select(g => g.GetString()!).ToList();
        var stems = DocumentFrequencies.StemsOf(title, body, language);
        corpus.Add(stems);
        return new Document(root.GetProperty("id").GetString()!, language, title, body, gold, corpus, stems);
    }).ToList();
}

static uint StableHash(string s)
{
    var hash = 2166136261u;
    foreach (var c in s)
        hash = (hash ^ c) * 16777619u;
    return hash;
}

static string FindDatasets()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "datasets");
        if (Directory.Exists(candidate))
            return candidate;
    }
    return "/work/shared/datasets";
}

internal sealed record Document(string Id, string Language, string Title, string Text, List<string> Gold,
    DocumentFrequencies Collection, List<string> Stems);

internal sealed record Dataset(string Name, List<Document> Documents);

internal sealed record Scores(int Documents, double P5, double R5, double F5, double P10, double R10, double F10, double F10Exact);
