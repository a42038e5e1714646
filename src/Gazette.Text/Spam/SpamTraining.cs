namespace Gazette.Text.Spam;

/// <param name="Epochs">passes of stochastic gradient descent over the examples.</param>
/// <param name="L2">regularisation strength (per example).</param>
/// <param name="Seed">seed of the example order: the same seed gives the same model.</param>
/// <param name="Folds">cross-validation folds used to choose the naive Bayes share, the calibration and the threshold.</param>
/// <param name="MaxFalsePositiveRate">the threshold keeps the cross-validated share of ham marked spam at or below this.</param>
public sealed record SpamTrainingOptions(
    int Epochs = 12,
    double L2 = 1e-5,
    int Seed = 20150101,
    int HashBits = SpamModel.DefaultHashBits,
    int Folds = 5,
    double MaxFalsePositiveRate = 0.01)
{
    /// <summary>
    /// How much naive Bayes to add to the regression (0 = none); the training picks the one whose cross-validated,
    /// calibrated probabilities have the lowest log-loss (a proper score, steadier than F1 at one threshold).
    /// </summary>
    public IReadOnlyList<double> NaiveBayesMixes { get; init; } = [0, 0.1, 0.3, 1];
}

/// <summary>
/// Fits <see cref="SpamModel"/>: logistic regression (stochastic gradient descent on the source- and class-balanced
/// log-loss with L2 decay) plus a share of multinomial naive Bayes log-count ratios, which generalise better from few
/// examples (Wang and Manning 2012); then Platt's scaling and the threshold. The share, the scaling and the threshold
/// are chosen by k-fold cross-validation inside the training examples only. Folds are cut by a hash of the
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

        // Out-of-fold scores of both parts of the model choose how much naive Bayes to add, the calibration and the
        // threshold, all inside the training examples.
        var (mix, calibration, threshold) = (options.NaiveBayesMixes.FirstOrDefault(), (Slope: 1.0, Intercept: 0.0), 0.5);
        if (options.Folds >= 2)
        {
            var fold = examples.Select(e => FoldOf(e.Text, options.Folds)).ToArray();
            var regression = new double[examples.Count];
            var bayes = new double[examples.Count];
            for (var k = 0; k < options.Folds; k++)
            {
                var inside = all.Where(i => fold[i] != k).ToArray();
                if (inside.All(i => labels[i]) || inside.All(i => !labels[i]))
                    continue;
                var part = Fit(vectors, labels, sources, inside, options);
                foreach (var i in all.Where(i => fold[i] == k))
                {
                    regression[i] = LogOdds(part.Weights, part.Bias, vectors[i]);
                    bayes[i] = LogOdds(part.Ratios, 0, vectors[i]);
                }
            }
            var bestLoss = double.PositiveInfinity;
            foreach (var candidate in options.NaiveBayesMixes)
            {
                var raw = regression.Select((r, i) => r + candidate * bayes[i]).ToArray();
                var platt = SpamCalibration.Fit(raw, labels);
                // Thresholds are chosen on log-odds: probabilities near 1 round to equal doubles and could not be told apart.
                var calibrated = raw.Select(r => platt.Slope * r + platt.Intercept).ToArray();
                var (candidateThreshold, _) = ChooseThreshold(calibrated, labels, sources, options.MaxFalsePositiveRate);
                var loss = SpamCalibration.Loss(raw, labels, platt);
                if (loss < bestLoss - 1e-9)
                    (bestLoss, mix, calibration, threshold) = (loss, candidate, platt, SpamModel.Sigmoid(candidateThreshold));
            }
        }
        var model = Fit(vectors, labels, sources, all, options);
        // Regression plus naive Bayes, then Platt's scaling, is still one weight per feature: the model stays linear.
        var weights = new float[model.Weights.Length];
        for (var j = 0; j < weights.Length; j++)
            weights[j] = (float)(calibration.Slope * (model.Weights[j] + mix * model.Ratios[j]));
        var bias = calibration.Slope * model.Bias + calibration.Intercept;
        return new SpamModel(options.HashBits, weights, bias, threshold);
    }

    /// <summary>
    /// The threshold with the best F1 among those that keep the false-positive rate within the limit on every source
    /// (a filter that is fine on average but blocks the ham of one kind of page is not fine), placed halfway between
    /// the last score called spam and the next one.
    /// </summary>
    internal static (double Threshold, double F1) ChooseThreshold(double[] scores, bool[] labels, string[] sources, double maxFalsePositiveRate)
    {
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        var spam = labels.Count(l => l);
        var hamBySource = sources.Where((_, i) => !labels[i]).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var falsePositivesBySource = hamBySource.Keys.ToDictionary(s => s, _ => 0);
        var (bestF1, bestThreshold) = (-1.0, 0.0);
        var truePositives = 0;
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            if (labels[i])
                truePositives++;
            else if (++falsePositivesBySource[sources[i]] > Math.Max(maxFalsePositiveRate * hamBySource[sources[i]], 1))
                break;
            var next = k + 1 < order.Length ? scores[order[k + 1]] : scores[i] - 2;
            if (next == scores[i])
                continue; // a threshold cannot separate equal scores
            var f1 = 2.0 * truePositives / (k + 1 + spam);
            if (f1 > bestF1)
                (bestF1, bestThreshold) = (f1, (scores[i] + next) / 2);
        }
        return (bestThreshold, bestF1);
    }

    private static (float[] Weights, double Bias, float[] Ratios) Fit(SpamFeature[][] vectors, bool[] labels, string[] sources, int[] examples, SpamTrainingOptions options)
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
        return (values, bias, LogCountRatios(vectors, labels, weightOf, examples, values.Length));
    }

    /// <summary>
    /// Multinomial naive Bayes as a linear model: per feature, the log of its smoothed share of the spam mass over its
    /// share of the ham mass (both weighted like the loss); zero for features never seen.
    /// </summary>
    private static float[] LogCountRatios(SpamFeature[][] vectors, bool[] labels, double[] weightOf, int[] examples, int size)
    {
        const double smoothing = 0.5;
        var spam = new double[size];
        var ham = new double[size];
        foreach (var i in examples)
            foreach (var feature in vectors[i])
                (labels[i] ? spam : ham)[feature.Index] += weightOf[i] * feature.Value;
        var seen = 0;
        double spamMass = 0, hamMass = 0;
        for (var j = 0; j < size; j++)
        {
            if (spam[j] == 0 && ham[j] == 0)
                continue;
            seen++;
            spamMass += spam[j];
            hamMass += ham[j];
        }
        var ratios = new float[size];
        for (var j = 0; j < size; j++)
            if (spam[j] != 0 || ham[j] != 0)
                ratios[j] = (float)(Math.Log((spam[j] + smoothing) / (spamMass + smoothing * seen)) - Math.Log((ham[j] + smoothing) / (hamMass + smoothing * seen)));
        return ratios;
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
