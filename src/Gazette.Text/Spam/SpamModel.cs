using System.IO.Compression;
using System.Text;

namespace Gazette.Text.Spam;

/// <summary>
/// A local comment-spam classifier: a linear model over hashed words, word pairs, letter n-grams, link targets, text
/// signals and word-class cues (see <see cref="SpamFeatures"/>, <see cref="SpamCues"/>): logistic regression plus a
/// share of naive Bayes, calibrated (see <see cref="SpamTraining"/>). Being linear keeps every score explainable: the
/// log-odds is a sum of one weight per feature, so the largest terms are the reasons. Moderators'
/// decisions adapt the weights one stochastic-gradient step at a time (<see cref="Learn"/>). Thread-safe.
/// </summary>
public sealed class SpamModel
{
    public const int DefaultHashBits = 18;
    private const string ShippedResource = "Gazette.Text.Spam.spam-model.bin";
    private static readonly byte[] Magic = "GZSPAM1\n"u8.ToArray();

    /// <summary>Step size of one moderator correction; large enough that a few corrections flip a verdict.</summary>
    internal const double LearningRate = 0.5;

    private readonly float[] weights;
    private double bias;
    private readonly Lock gate = new();

    internal SpamModel(int hashBits, float[] weights, double bias, double threshold)
    {
        HashBits = hashBits;
        this.weights = weights;
        this.bias = bias;
        Threshold = threshold;
    }

    /// <summary>Probabilities at or above this are spam; chosen by cross-validation on the training data.</summary>
    public double Threshold { get; }

    public int HashBits { get; }

    /// <summary>Trains a model; deterministic for the same examples, order and options.</summary>
    public static SpamModel Train(IEnumerable<LabeledText> examples, SpamTrainingOptions? options = null) =>
        SpamTraining.Train(examples.ToList(), options ?? new SpamTrainingOptions());

    /// <summary>The model trained on the public data sets that ship with Gazette (see THIRD-PARTY-NOTICES.md).</summary>
    public static SpamModel LoadShipped()
    {
        using var stream = typeof(SpamModel).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"The resource {ShippedResource} is missing from the build.");
        return Load(stream);
    }

    /// <summary>The probability of spam, without the reasons (cheaper: for bulk scoring).</summary>
    public double Probability(string text, string? author = null)
    {
        var features = new List<SpamFeature>();
        SpamFeatures.Extract(text, author, HashBits, features, null);
        lock (gate)
            return Sigmoid(LogOdds(features));
    }

    public SpamVerdict Score(string text, string? author = null, int maxReasons = 5)
    {
        var features = new List<SpamFeature>();
        var descriptions = new List<string>();
        SpamFeatures.Extract(text, author, HashBits, features, descriptions);
        var byDescription = new Dictionary<string, double>();
        double logOdds;
        lock (gate)
        {
            logOdds = LogOdds(features);
            for (var i = 0; i < features.Count; i++)
            {
                byDescription.TryGetValue(descriptions[i], out var sum);
                byDescription[descriptions[i]] = sum + weights[features[i].Index] * features[i].Value;
            }
        }
        var probability = Sigmoid(logOdds);
        var isSpam = probability >= Threshold;
        // Explain the verdict with the features that pushed towards it, strongest first.
        var reasons = byDescription
            .Where(pair => isSpam ? pair.Value > 0 : pair.Value < 0)
            .OrderByDescending(pair => Math.Abs(pair.Value)).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(maxReasons)
            .Select(pair => new SpamReason(pair.Key, Math.Round(pair.Value, 4)))
            .ToList();
        return new SpamVerdict(probability, isSpam, reasons);
    }

    /// <summary>A moderator's decision: one gradient step of the log-loss towards the given label.</summary>
    public void Learn(string text, bool isSpam, string? author = null)
    {
        var features = new List<SpamFeature>();
        SpamFeatures.Extract(text, author, HashBits, features, null);
        lock (gate)
        {
            var gradient = Sigmoid(LogOdds(features)) - (isSpam ? 1 : 0);
            foreach (var feature in features)
                weights[feature.Index] -= (float)(LearningRate * gradient * feature.Value);
            bias -= LearningRate * gradient;
        }
    }

    /// <summary>Writes the model: a small header, then the non-zero weights (delta-coded indices), gzip-compressed.</summary>
    public void Save(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zip, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        lock (gate)
        {
            writer.Write(HashBits);
            writer.Write(Threshold);
            writer.Write(bias);
            writer.Write(weights.Count(w => w != 0));
            var previous = -1;
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] == 0)
                    continue;
                writer.Write7BitEncodedInt(i - previous);
                writer.Write(weights[i]);
                previous = i;
            }
        }
    }

    public static SpamModel Load(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(zip, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException("Not a Gazette spam model.");
            var hashBits = reader.ReadInt32();
            if (hashBits is < 8 or > 24)
                throw new InvalidDataException($"Unsupported hash size 2^{hashBits}.");
            var threshold = reader.ReadDouble();
            var bias = reader.ReadDouble();
            var weights = new float[1 << hashBits];
            var count = reader.ReadInt32();
            var index = -1;
            for (var i = 0; i < count; i++)
            {
                index += reader.Read7BitEncodedInt();
                weights[index] = reader.ReadSingle();
            }
            return new SpamModel(hashBits, weights, bias, threshold);
        }
        catch (Exception e) when (e is EndOfStreamException or IndexOutOfRangeException or FormatException)
        {
            throw new InvalidDataException("The spam model file is truncated or corrupt.", e);
        }
    }

    private double LogOdds(List<SpamFeature> features)
    {
        var sum = bias;
        foreach (var feature in features)
            sum += weights[feature.Index] * feature.Value;
        return sum;
    }

    internal static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
