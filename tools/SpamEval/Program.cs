using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

using Gazette.Text.Spam;

// Measures the comment-spam classifier across sources (never the same comments in training and test) and
// builds the shipped model. Usage:
//   dotnet run --project tools/SpamEval -c Release [-- --data DIR]            evaluation table (Markdown)
//   dotnet run --project tools/SpamEval -c Release -- train [--data DIR] [--out FILE]
// Diagnostics: SPAM_EVAL_ERRORS=a (a run group) prints that group's errors on stderr; SPAM_L2, SPAM_EPOCHS, SPAM_HASH_BITS and
// SPAM_MIXES (naive Bayes shares, comma-separated) override the training options for experiments (the reported table
// uses the defaults).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var train = args.Length > 0 && args[0] == "train";
var data = Option("--data") ?? FindDatasets();
if (data is null || !Directory.Exists(Path.Combine(data, "youtube-spam-collection")))
{
    Console.Error.WriteLine("spam-eval: data sets not found; pass --data DIR (the folder holding youtube-spam-collection/).");
    return 1;
}
var youTube = ReadJsonLines(Path.Combine(data, "youtube-spam-collection", "comments.dev.jsonl"))
    .Select(o => (Source: o.GetProperty("video").GetString()!, Example: new LabeledText(
        o.GetProperty("content").GetString()!, o.GetProperty("label").GetString() == "spam", o.GetProperty("author").GetString(),
        o.GetProperty("video").GetString())))
    .ToList();
var sms = ReadJsonLines(Path.Combine(data, "sms-spam-collection", "sms.dev.jsonl"))
    .Select(o => (Source: "SMS", Example: new LabeledText(o.GetProperty("text").GetString()!, o.GetProperty("label").GetString() == "spam", Source: "SMS")))
    .ToList();
var everything = youTube.Concat(sms).ToList();

if (train)
{
    var output = Option("--out") ?? Path.Combine(RepositoryRoot(), "src", "Gazette.Text", "Spam", "spam-model.bin");
    var clock = Stopwatch.StartNew();
    var model = SpamModel.Train(everything.Select(e => e.Example));
    clock.Stop();
    using (var file = File.Create(output))
        model.Save(file);
    var bytes = File.ReadAllBytes(output);
    var shipped = SpamModel.Load(new MemoryStream(bytes));
    foreach (var e in everything.Take(200))
        shipped.Probability(e.Example.Text, e.Example.Author); // warm-up: JIT and regex compilation
    var scoring = Stopwatch.StartNew();
    foreach (var e in everything)
        shipped.Probability(e.Example.Text, e.Example.Author);
    scoring.Stop();
    Console.WriteLine($"trained on {everything.Count} examples ({everything.Count(e => e.Example.IsSpam)} spam) in {clock.Elapsed.TotalSeconds:0.00} s");
    Console.WriteLine($"threshold {model.Threshold:0.0000} (5-fold cross-validation inside the training data, FPR <= 1%)");
    Console.WriteLine($"scoring: {scoring.Elapsed.TotalMilliseconds * 1000 / everything.Count:0} µs per text (mean over the {everything.Count} training texts, one thread)");
    Console.WriteLine($"wrote {output}: {bytes.Length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}");
    return 0;
}

var videos = youTube.Select(e => e.Source).Distinct().ToList();
var runs = new List<(string Name, string Group, Func<string, bool> InTraining, Func<string, bool> InTest)>();
foreach (var video in videos)
    runs.Add(($"SMS + YouTube without {video} → {video}", "a", s => s != video, s => s == video));
runs.Add(("YouTube (3 videos) → SMS", "b", s => s != "SMS", s => s == "SMS"));
runs.Add(("SMS → YouTube (3 videos)", "c", s => s == "SMS", s => s != "SMS"));
foreach (var video in videos)
    runs.Add(($"YouTube without {video} → {video}", "d", s => s != video && s != "SMS", s => s == video));


Console.WriteLine("| run | train | test | threshold | precision | recall | F1 | FPR | accuracy | MCC | AUC | R@1% |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
var results = new List<(string Group, Metrics Metrics)>();
var total = Stopwatch.StartNew();
foreach (var run in runs)
{
    var training = everything.Where(e => run.InTraining(e.Source)).Select(e => e.Example).ToList();
    var test = everything.Where(e => run.InTest(e.Source)).Select(e => e.Example).ToList();
    var model = SpamModel.Train(training, Options());
    var metrics = Metrics.Of(test.Select(e => (model.Probability(e.Text, e.Author) >= model.Threshold, e.IsSpam)));
    results.Add((run.Group, metrics));
    if (Environment.GetEnvironmentVariable("SPAM_EVAL_ERRORS") == run.Group)
        foreach (var e in test.Where(e => model.Probability(e.Text, e.Author) >= model.Threshold != e.IsSpam))
            Console.Error.WriteLine($"{(e.IsSpam ? "missed" : "false alarm")} {model.Probability(e.Text, e.Author):0.00}: {e.Text.ReplaceLineEndings(" ")}");
    var scored = test.Select(e => (model.Probability(e.Text, e.Author), e.IsSpam)).ToList();
    Console.WriteLine($"| ({run.Group}) {run.Name} | {training.Count} | {test.Count} | {model.Threshold:0.000} | {metrics.Row} | {Auc(scored):0.000} | {RecallAtFalsePositiveRate(scored, 0.01):0.000} |");
}
foreach (var group in results.GroupBy(r => r.Group).Where(g => g.Count() > 1))
    Console.WriteLine($"| ({group.Key}) mean of {group.Count()} runs | | | | {Metrics.Mean(group.Select(g => g.Metrics))} |");
Console.Error.WriteLine($"{runs.Count} runs in {total.Elapsed.TotalSeconds:0.0} s");
return 0;

static SpamTrainingOptions Options()
{
    var options = new SpamTrainingOptions();
    if (Environment.GetEnvironmentVariable("SPAM_L2") is { } l2)
        options = options with { L2 = double.Parse(l2, CultureInfo.InvariantCulture) };
    if (Environment.GetEnvironmentVariable("SPAM_EPOCHS") is { } epochs)
        options = options with { Epochs = int.Parse(epochs, CultureInfo.InvariantCulture) };
    if (Environment.GetEnvironmentVariable("SPAM_HASH_BITS") is { } bits)
        options = options with { HashBits = int.Parse(bits, CultureInfo.InvariantCulture) };
    if (Environment.GetEnvironmentVariable("SPAM_MIXES") is { } mixes)
        options = options with { NaiveBayesMixes = [.. mixes.Split(',').Select(m => double.Parse(m, CultureInfo.InvariantCulture))] };
    return options;
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string? FindDatasets()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "datasets");
        if (Directory.Exists(candidate))
            return candidate;
    }
    return null;
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Gazette.slnx")))
            return dir.FullName;
    throw new InvalidOperationException("Run from inside the Gazette repository.");
}

// Area under the ROC curve: the chance that a random spam scores above a random ham (ties count half).
static double Auc(List<(double Score, bool IsSpam)> scored)
{
    var spam = scored.Where(s => s.IsSpam).Select(s => s.Score).ToList();
    var ham = scored.Where(s => !s.IsSpam).Select(s => s.Score).ToList();
    double wins = 0;
    foreach (var s in spam)
        foreach (var h in ham)
            wins += s > h ? 1 : s == h ? 0.5 : 0;
    return wins / ((double)spam.Count * ham.Count);
}

// A property of the ranking alone, like the AUC: the share of spam above the best threshold that keeps the test's
// false-positive rate within the limit. It is not reachable in practice (the threshold would be set on the test).
static double RecallAtFalsePositiveRate(List<(double Score, bool IsSpam)> scored, double maxFalsePositiveRate)
{
    var ham = scored.Count(s => !s.IsSpam);
    var spam = scored.Count - ham;
    var allowed = (int)Math.Floor(maxFalsePositiveRate * ham);
    var hamScores = scored.Where(s => !s.IsSpam).Select(s => s.Score).OrderDescending().ToList();
    // Spam strictly above the (allowed + 1)-th highest ham score.
    var bar = allowed < hamScores.Count ? hamScores[allowed] : double.NegativeInfinity;
    return (double)scored.Count(s => s.IsSpam && s.Score > bar) / spam;
}

static IEnumerable<JsonElement> ReadJsonLines(string path) =>
    File.ReadLines(path).Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement.Clone());

/// <summary>Confusion counts of the spam class.</summary>
internal sealed record Metrics(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    public static Metrics Of(IEnumerable<(bool Predicted, bool Actual)> outcomes)
    {
        var list = outcomes.ToList();
        return new(list.Count(o => o.Predicted && o.Actual), list.Count(o => o.Predicted && !o.Actual),
            list.Count(o => !o.Predicted && !o.Actual), list.Count(o => !o.Predicted && o.Actual));
    }

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    public double F1 => Ratio(2 * Precision * Recall, Precision + Recall);
    public double FalsePositiveRate => Ratio(FalsePositives, FalsePositives + TrueNegatives);
    public double Accuracy => Ratio(TruePositives + TrueNegatives, TruePositives + TrueNegatives + FalsePositives + FalseNegatives);

    public double Mcc
    {
        get
        {
            double tp = TruePositives, fp = FalsePositives, tn = TrueNegatives, fn = FalseNegatives;
            return Ratio(tp * tn - fp * fn, Math.Sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)));
        }
    }

    public string Row => Format(Precision, Recall, F1, FalsePositiveRate, Accuracy, Mcc);

    public static string Mean(IEnumerable<Metrics> runs)
    {
        var list = runs.ToList();
        return Format(list.Average(m => m.Precision), list.Average(m => m.Recall), list.Average(m => m.F1),
            list.Average(m => m.FalsePositiveRate), list.Average(m => m.Accuracy), list.Average(m => m.Mcc));
    }

    private static string Format(params double[] values) => string.Join(" | ", values.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)));

    private static double Ratio(double a, double b) => b == 0 ? 0 : a / b;
}
