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

    /// <summary>How much of a linear classifier fitted with the modified Huber loss to add (0 = none); chosen like the naive Bayes share.</summary>
    public IReadOnlyList<double> HuberMixes { get; init; } = [0];

    /// <summary>Additive smoothing of the naive Bayes counts; chosen with the share.</summary>
    public IReadOnlyList<double> NaiveBayesSmoothings { get; init; } = [0.5];

    /// <summary>Regularisation strength of the modified Huber classifier (per example).</summary>
    public double HuberL2 { get; init; } = 1e-4;
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
        var (mix, huberMix, chosenSmoothing, calibration, threshold) = (options.NaiveBayesMixes.FirstOrDefault(), options.HuberMixes.FirstOrDefault(), 0, (Slope: 1.0, Intercept: 0.0), 0.5);
        if (options.Folds >= 2)
        {
            var fold = examples.Select(e => FoldOf(e.Text, options.Folds)).ToArray();
            var regression = new double[examples.Count];
            var bayes = options.NaiveBayesSmoothings.Select(_ => new double[examples.Count]).ToArray();
            var huber = new double[examples.Count];
            for (var k = 0; k < options.Folds; k++)
            {
                var inside = all.Where(i => fold[i] != k).ToArray();
                if (inside.All(i => labels[i]) || inside.All(i => !labels[i]))
                    continue;
                var part = Fit(vectors, labels, sources, inside, options);
                foreach (var i in all.Where(i => fold[i] == k))
                {
                    regression[i] = LogOdds(part.Weights, part.Bias, vectors[i]);
                    for (var a = 0; a < bayes.Length; a++)
                        bayes[a][i] = LogOdds(part.Ratios[a], 0, vectors[i]);
                    huber[i] = LogOdds(part.Margins, part.MarginBias, vectors[i]);
                }
            }
            var bestLoss = double.PositiveInfinity;
            double[]? balance = null;
            if (Environment.GetEnvironmentVariable("SPAM_BALANCED_CAL") == "1")
            {
                // Each (source, class) pair weighs the same within its class; each class weighs half.
                var groupSize = all.GroupBy(i => (sources[i], labels[i])).ToDictionary(g => g.Key, g => g.Count());
                var sourcesWith = all.GroupBy(i => labels[i]).ToDictionary(g => g.Key, g => g.Select(i => sources[i]).Distinct().Count());
                balance = all.Select(i => 0.5 / (sourcesWith[labels[i]] * groupSize[(sources[i], labels[i])])).ToArray();
            }
            // Transfer-aware choice: each training source in turn is held out, the others train, and the configuration
            // that ranks the held-out sources best (mean AUC) is kept.
            Dictionary<(double, double, int), double>? transfer = null;
            var distinctSources = sources.Distinct().Order(StringComparer.Ordinal).ToList();
            if (Environment.GetEnvironmentVariable("SPAM_LOSO") is { } loso && distinctSources.Count >= 2)
            {
                transfer = [];
                var heldOutSources = distinctSources.Where(src => loso != "videos" || src != "SMS").ToList();
                foreach (var heldOut in heldOutSources)
                {
                    var inside = all.Where(i => sources[i] != heldOut).ToArray();
                    var outside = all.Where(i => sources[i] == heldOut).ToArray();
                    if (inside.All(i => labels[i]) || inside.All(i => !labels[i]) || outside.All(i => labels[i]) || outside.All(i => !labels[i]))
                        continue;
                    var part = Fit(vectors, labels, sources, inside, options);
                    var r = outside.Select(i => LogOdds(part.Weights, part.Bias, vectors[i])).ToArray();
                    var b = part.Ratios.Select(ratios => outside.Select(i => LogOdds(ratios, 0, vectors[i])).ToArray()).ToArray();
                    var h = outside.Select(i => LogOdds(part.Margins, part.MarginBias, vectors[i])).ToArray();
                    var y = outside.Select(i => labels[i]).ToArray();
                    foreach (var m in options.NaiveBayesMixes)
                        foreach (var hm in options.HuberMixes)
                            for (var a = 0; a < b.Length; a++)
                            {
                                var auc = Auc([.. r.Select((v, t) => v + m * b[a][t] + hm * h[t])], y);
                                transfer[(m, hm, a)] = transfer.GetValueOrDefault((m, hm, a)) + auc / heldOutSources.Count;
                            }
                }
                if (Environment.GetEnvironmentVariable("SPAM_VERBOSE") is not null)
                    Console.Error.WriteLine("  transfer AUC: " + string.Join(" ", transfer.Select(p => $"{p.Key.Item1}/{p.Key.Item2}/{options.NaiveBayesSmoothings[p.Key.Item3]}={p.Value:0.0000}")));
            }
            var bestTransfer = double.NegativeInfinity;
            foreach (var (candidate, huberCandidate, smoothing) in options.NaiveBayesMixes.SelectMany(m => options.HuberMixes.SelectMany(h => Enumerable.Range(0, bayes.Length).Select(a => (m, h, a)))))
            {
                var raw = regression.Select((r, i) => r + candidate * bayes[smoothing][i] + huberCandidate * huber[i]).ToArray();
                var platt = SpamCalibration.Fit(raw, labels, balance);
                // Thresholds are chosen on log-odds: probabilities near 1 round to equal doubles and could not be told apart.
                var calibrated = raw.Select(r => platt.Slope * r + platt.Intercept).ToArray();
                var (candidateThreshold, _) = Environment.GetEnvironmentVariable("SPAM_THRESHOLD_SKIP") is { } skip
                    ? ChooseThreshold([.. calibrated.Where((_, i) => sources[i] != skip)], [.. labels.Where((_, i) => sources[i] != skip)], [.. sources.Where(s => s != skip)], options.MaxFalsePositiveRate)
                    : ChooseThreshold(calibrated, labels, sources, options.MaxFalsePositiveRate);
                var loss = SpamCalibration.Loss(raw, labels, platt, balance);
                if (transfer is not null)
                {
                    var t = transfer[(candidate, huberCandidate, smoothing)];
                    if (t > bestTransfer + 1e-9)
                        (bestTransfer, mix, huberMix, chosenSmoothing, calibration, threshold) = (t, candidate, huberCandidate, smoothing, platt, SpamModel.Sigmoid(candidateThreshold));
                }
                else if (loss < bestLoss - 1e-9)
                    (bestLoss, mix, huberMix, chosenSmoothing, calibration, threshold) = (loss, candidate, huberCandidate, smoothing, platt, SpamModel.Sigmoid(candidateThreshold));
            }
        }
        var model = Fit(vectors, labels, sources, all, options);
        // Regression plus naive Bayes, then Platt's scaling, is still one weight per feature: the model stays linear.
        var weights = new float[model.Weights.Length];
        for (var j = 0; j < weights.Length; j++)
            weights[j] = (float)(calibration.Slope * (model.Weights[j] + mix * model.Ratios[chosenSmoothing][j] + huberMix * model.Margins[j]));
        var bias = calibration.Slope * (model.Bias + huberMix * model.MarginBias) + calibration.Intercept;
        if (Environment.GetEnvironmentVariable("SPAM_VERBOSE") is not null)
            Console.Error.WriteLine($"chosen mix {mix} alpha {options.NaiveBayesSmoothings[chosenSmoothing]} huber {huberMix} threshold {threshold:0.000}");
        return new SpamModel(options.HashBits, weights, bias, threshold);
    }

    /// <summary>
    /// The threshold with the best F1 among those that keep the false-positive rate within the limit on every source
    /// (a filter that is fine on average but blocks the ham of one kind of page is not fine), placed halfway between
    /// the last score called spam and the next one.
    /// </summary>
    private static double Auc(double[] scores, bool[] labels)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        // Mann-Whitney U with average ranks for ties.
        var ranks = new double[scores.Length];
        for (var k = 0; k < order.Length;)
        {
            var end = k;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[k]])
                end++;
            for (var t = k; t <= end; t++)
                ranks[order[t]] = (k + end) / 2.0 + 1;
            k = end + 1;
        }
        double spam = labels.Count(l => l), ham = labels.Length - spam;
        var rankSum = ranks.Where((_, i) => labels[i]).Sum();
        return (rankSum - spam * (spam + 1) / 2) / (spam * ham);
    }

    private static readonly bool Averaging = Environment.GetEnvironmentVariable("SPAM_AVERAGE") == "1";
    private static readonly (double Z, double Target)? Wilson = Environment.GetEnvironmentVariable("SPAM_WILSON") is { } w
        ? (double.Parse(w.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(w.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture))
        : null;

    /// <summary>The upper end of Wilson's score interval for a rate of <paramref name="hits"/> in <paramref name="trials"/>.</summary>
    internal static double WilsonUpper(int hits, int trials, double z)
    {
        var p = (double)hits / trials;
        var z2 = z * z / trials;
        return (p + z2 / 2 + z * Math.Sqrt(p * (1 - p) / trials + z2 / (4 * trials))) / (1 + z2);
    }

    private static readonly bool BalancedF1 = Environment.GetEnvironmentVariable("SPAM_BALANCED_F1") == "1";

    internal static (double Threshold, double F1) ChooseThreshold(double[] scores, bool[] labels, string[] sources, double maxFalsePositiveRate)
    {
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        var spam = labels.Count(l => l);
        var hamBySource = sources.Where((_, i) => !labels[i]).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var falsePositivesBySource = hamBySource.Keys.ToDictionary(s => s, _ => 0);
        var spamBySource = hamBySource.Keys.ToDictionary(s => s, s => sources.Where((t, i) => t == s && labels[i]).Count());
        var truePositivesBySource = hamBySource.Keys.ToDictionary(s => s, _ => 0);
        var (bestF1, bestThreshold) = (-1.0, 0.0);
        var truePositives = 0;
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            if (labels[i] && sources[i] is var spamSource)
            {
                truePositives++;
                if (truePositivesBySource.ContainsKey(spamSource))
                    truePositivesBySource[spamSource]++;
            }
            else if (Wilson is { } wilson
                ? WilsonUpper(++falsePositivesBySource[sources[i]], hamBySource[sources[i]], wilson.Z) > wilson.Target
                : ++falsePositivesBySource[sources[i]] > Math.Max(maxFalsePositiveRate * hamBySource[sources[i]], 1))
            {
                if (Environment.GetEnvironmentVariable("SPAM_VERBOSE") is not null)
                    Console.Error.WriteLine($"  binding {sources[i]} at {SpamModel.Sigmoid(scores[i]):0.000}; fp " + string.Join(", ", falsePositivesBySource.Select(p => $"{p.Key} {p.Value}/{hamBySource[p.Key]}")));
                break;
            }
            var next = k + 1 < order.Length ? scores[order[k + 1]] : scores[i] - 2;
            if (next == scores[i])
                continue; // a threshold cannot separate equal scores
            var f1 = 2.0 * truePositives / (k + 1 + spam);
            if (BalancedF1)
            {
                f1 = truePositivesBySource.Keys.Where(s => spamBySource[s] > 0).Average(s => 2.0 * truePositivesBySource[s] / (truePositivesBySource[s] + falsePositivesBySource[s] + spamBySource[s]));
            }
            if (f1 > bestF1)
                (bestF1, bestThreshold) = (f1, (scores[i] + next) / 2);
        }
        return (bestThreshold, bestF1);
    }

    private static (float[] Weights, double Bias, float[][] Ratios, float[] Margins, double MarginBias) Fit(SpamFeature[][] vectors, bool[] labels, string[] sources, int[] examples, SpamTrainingOptions options)
    {
        // Every (source, class) pair weighs the same in the loss, so a large source does not drown a small one and
        // the rarer class is not ignored.
        var groups = examples.GroupBy(i => (sources[i], labels[i])).ToDictionary(g => g.Key, g => g.Count());
        var singleSource = Environment.GetEnvironmentVariable("SPAM_SINGLE_SOURCE") is { } single ? float.Parse(single, System.Globalization.CultureInfo.InvariantCulture) : 1f;
        float[]? featureScale = null;
        if (singleSource != 1f)
        {
            var sourceIds = examples.Select(i => sources[i]).Distinct().Order(StringComparer.Ordinal).ToList();
            var masks = new int[1 << options.HashBits];
            foreach (var i in examples)
                foreach (var feature in vectors[i])
                    masks[feature.Index] |= 1 << sourceIds.IndexOf(sources[i]);
            featureScale = new float[masks.Length];
            for (var j = 0; j < masks.Length; j++)
                featureScale[j] = System.Numerics.BitOperations.PopCount((uint)masks[j]) >= 2 ? 1f : singleSource;
            var scaled = new SpamFeature[vectors.Length][];
            foreach (var i in examples)
                scaled[i] = [.. vectors[i].Select(f => f with { Value = f.Value * featureScale[f.Index] })];
            vectors = scaled;
        }
        var weightOf = new double[labels.Length];
        foreach (var i in examples)
            weightOf[i] = examples.Length / ((double)groups.Count * groups[(sources[i], labels[i])])
                * (sources[i] == "SMS" && Environment.GetEnvironmentVariable("SPAM_SMS_WEIGHT") is { } smsWeight ? double.Parse(smsWeight, System.Globalization.CultureInfo.InvariantCulture) : 1);
        var values = new float[1 << options.HashBits];
        // The weights are scale × values, so the L2 decay of every weight is one multiplication of the scale.
        var scale = 1.0;
        var bias = 0.0;
        var order = examples.ToArray();
        var random = new Random(options.Seed);
        long step = 0;
        double[]? averaged = null;
        var averagedBias = 0.0;
        var snapshots = 0;
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
            if (Averaging && epoch >= options.Epochs / 2)
            {
                averaged ??= new double[values.Length];
                for (var j = 0; j < values.Length; j++)
                    averaged[j] += values[j] * scale;
                averagedBias += bias;
                snapshots++;
            }
        }
        for (var j = 0; j < values.Length; j++)
            values[j] = (float)(averaged is null ? values[j] * scale : averaged[j] / snapshots);
        if (averaged is not null)
            bias = averagedBias / snapshots;
        var (margins, marginBias) = options.HuberMixes.Any(h => h != 0)
            ? FitHuber(vectors, labels, weightOf, examples, options)
            : (new float[values.Length], 0.0);
        var ratios = options.NaiveBayesSmoothings.Select(a => LogCountRatios(vectors, labels, weightOf, examples, values.Length, a)).ToArray();
        if (featureScale is not null)
            for (var j = 0; j < values.Length; j++)
            {
                values[j] *= featureScale[j];
                margins[j] *= featureScale[j];
                foreach (var r in ratios)
                    r[j] *= featureScale[j];
            }
        return (values, bias, ratios, margins, marginBias);
    }

    /// <summary>
    /// A linear classifier with the modified Huber loss (a smoothed hinge, Zhang 2004): unlike the log-loss it stops
    /// pushing examples that are classified with a margin of 1, so it leans on the examples near the boundary. Same
    /// weights per example, order and seed as the regression.
    /// </summary>
    private static (float[] Weights, double Bias) FitHuber(SpamFeature[][] vectors, bool[] labels, double[] weightOf, int[] examples, SpamTrainingOptions options)
    {
        var values = new float[1 << options.HashBits];
        var scale = 1.0;
        var bias = 0.0;
        var order = examples.ToArray();
        var random = new Random(options.Seed + 1);
        long step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var rate = InitialStep / (1 + InitialStep * options.HuberL2 * step++);
                var margin = bias;
                foreach (var feature in vectors[i])
                    margin += scale * values[feature.Index] * feature.Value;
                var y = labels[i] ? 1.0 : -1.0;
                var agreement = y * margin;
                // d loss / d margin: -4y below -1, -2y(1 - y·margin) up to 1, nothing beyond.
                var gradient = (agreement < -1 ? -4 * y : agreement < 1 ? -2 * y * (1 - agreement) : 0) * weightOf[i];
                scale *= 1 - rate * options.HuberL2;
                if (scale < 1e-6)
                {
                    for (var j = 0; j < values.Length; j++)
                        values[j] = (float)(values[j] * scale);
                    scale = 1;
                }
                if (gradient == 0)
                    continue;
                foreach (var feature in vectors[i])
                    values[feature.Index] -= (float)(rate * gradient * feature.Value / scale);
                bias -= rate * gradient;
            }
        }
        for (var j = 0; j < values.Length; j++)
            values[j] = (float)(values[j] * scale);
        return (values, bias);
    }

    /// <summary>
    /// Multinomial naive Bayes as a linear model: per feature, the log of its smoothed share of the spam mass over its
    /// share of the ham mass (both weighted like the loss); zero for features never seen.
    /// </summary>
    private static float[] LogCountRatios(SpamFeature[][] vectors, bool[] labels, double[] weightOf, int[] examples, int size, double Smoothing)
    {
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
                ratios[j] = (float)(Math.Log((spam[j] + Smoothing) / (spamMass + Smoothing * seen)) - Math.Log((ham[j] + Smoothing) / (hamMass + Smoothing * seen)));
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
