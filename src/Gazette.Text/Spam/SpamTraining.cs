namespace Gazette.Text.Spam;

/// <param name="Epochs">passes of stochastic gradient descent over the examples.</param>
/// <param name="L2">regularisation strength (per example).</param>
/// <param name="Seed">seed of the example order: the same seed gives the same model.</param>
/// <param name="Folds">cross-validation folds used to choose the threshold.</param>
/// <param name="MaxFalsePositiveRate">the threshold keeps the cross-validated share of ham marked spam at or below this.</param>
public sealed record SpamTrainingOptions(
    int Epochs = 12,
    double L2 = 1e-5,
    int Seed = 20150101,
    int HashBits = SpamModel.DefaultHashBits,
    int Folds = 5,
    double MaxFalsePositiveRate = 0.01);

/// <summary>
/// Fits <see cref="SpamModel"/>: stochastic gradient descent on the class-balanced log-loss with L2 decay, then the
/// threshold by k-fold cross-validation inside the training examples only. Folds are cut by a hash of the
/// normalised text, so repeated messages never sit on both sides of a fold.
/// </summary>
internal static class SpamTraining
{
    private const double InitialStep = 0.25;

    public static SpamModel Train(IReadOnlyList<LabeledText> examples, SpamTrainingOptions options)
    {
        if (examples.Count == 0 || examples.All(e => e.IsSpam) || examples.All(e => !e.IsSpam))
            throw new ArgumentException("Training needs both spam and ham examples.", nameof(examples));
        var vectors = examples.Select(e => Vector(e, options.HashBits)).ToArray();
        var labels = examples.Select(e => e.IsSpam).ToArray();
        var all = Enumerable.Range(0, examples.Count).ToArray();
        var sources = examples.Select(e => e.Source ?? "").ToArray();

        var threshold = 0.5;
        if (options.Folds >= 2)
        {
            var fold = examples.Select(e => FoldOf(e.Text, options.Folds)).ToArray();
            var outOfFold = new double[examples.Count];
            for (var k = 0; k < options.Folds; k++)
            {
                var inside = all.Where(i => fold[i] != k).ToArray();
                var held = all.Where(i => fold[i] == k).ToArray();
                if (inside.All(i => labels[i]) || inside.All(i => !labels[i]))
                    continue;
                var (foldWeights, foldBias) = Fit(vectors, labels, sources, inside, options);
                foreach (var i in held)
                    outOfFold[i] = SpamModel.Sigmoid(LogOdds(foldWeights, foldBias, vectors[i]));
            }
            threshold = ChooseThreshold(outOfFold, labels, sources, options.MaxFalsePositiveRate);
        }
        var (weights, bias) = Fit(vectors, labels, sources, all, options);
        return new SpamModel(options.HashBits, weights, bias, threshold);
    }

    /// <summary>
    /// The threshold with the best F1 among those that keep the false-positive rate within the limit on every source
    /// (a filter that is fine on average but blocks the ham of one kind of page is not fine), placed halfway between
    /// the last score called spam and the next one.
    /// </summary>
    internal static double ChooseThreshold(double[] scores, bool[] labels, string[] sources, double maxFalsePositiveRate)
    {
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        var spam = labels.Count(l => l);
        var hamBySource = sources.Where((_, i) => !labels[i]).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var falsePositivesBySource = hamBySource.Keys.ToDictionary(s => s, _ => 0);
        var (bestF1, bestThreshold) = (-1.0, 0.5);
        var truePositives = 0;
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            if (labels[i])
                truePositives++;
            else if (++falsePositivesBySource[sources[i]] > Math.Max(maxFalsePositiveRate * hamBySource[sources[i]], 1))
                break;
            var next = k + 1 < order.Length ? scores[order[k + 1]] : 0;
            if (next == scores[i])
                continue; // a threshold cannot separate equal scores
            var f1 = 2.0 * truePositives / (k + 1 + spam);
            if (f1 > bestF1)
                (bestF1, bestThreshold) = (f1, (scores[i] + next) / 2);
        }
        return bestThreshold;
    }

    private static (float[] Weights, double Bias) Fit(SpamFeature[][] vectors, bool[] labels, string[] sources, int[] examples, SpamTrainingOptions options)
    {
        // Every (source, class) pair weighs the same in the loss, so a large source does not drown a small one and
        // the rarer class is not ignored.
        var groups = examples.GroupBy(i => (sources[i], labels[i])).ToDictionary(g => g.Key, g => g.Count());
        var weightOf = new double[labels.Length];
        foreach (var i in examples)
            weightOf[i] = examples.Length / ((double)groups.Count * groups[(sources[i], labels[i])]);
        var values = new float[1 << options.HashBits];
        // The weights are scale × values, so the L2 decay of every weight is one multiplication of the scale.
        var scale = 1.0;
        var bias = 0.0;
        var order = examples.ToArray();
        var random = new Random(options.Seed);
        long step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var rate = InitialStep / (1 + InitialStep * options.L2 * step++);
                var logOdds = bias;
                foreach (var feature in vectors[i])
                    logOdds += scale * values[feature.Index] * feature.Value;
                var gradient = (SpamModel.Sigmoid(logOdds) - (labels[i] ? 1 : 0)) * weightOf[i];
                scale *= 1 - rate * options.L2;
                if (scale < 1e-6)
                {
                    for (var j = 0; j < values.Length; j++)
                        values[j] = (float)(values[j] * scale);
                    scale = 1;
                }
                foreach (var feature in vectors[i])
                    values[feature.Index] -= (float)(rate * gradient * feature.Value / scale);
                bias -= rate * gradient;
            }
        }
        for (var j = 0; j < values.Length; j++)
            values[j] = (float)(values[j] * scale);
        return (values, bias);
    }

    private static double LogOdds(float[] weights, double bias, SpamFeature[] vector)
    {
        var sum = bias;
        foreach (var feature in vector)
            sum += weights[feature.Index] * feature.Value;
        return sum;
    }

    private static SpamFeature[] Vector(LabeledText example, int hashBits)
    {
        var features = new List<SpamFeature>();
        SpamFeatures.Extract(example.Text, example.Author, hashBits, features, null);
        return [.. features];
    }

    private static int FoldOf(string text, int folds)
    {
        var normalised = string.Join(' ', SpamFeatures.Clean(text).ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var hash = 2166136261u;
        foreach (var c in normalised)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % (uint)folds);
    }
}
