using Gazette.Text.Spam;

/// <summary>
/// The --embeddings experiment: the same runs, folds and threshold rule as the shipped model, with (1) logistic
/// regression on the sentence embedding alone and (2) the shipped linear model's log-odds plus a share of the embedding
/// model's log-odds (stacking), the share and the embedding model's L2 chosen by the out-of-fold log-loss inside the
/// training sources. The test source never chooses anything.
/// </summary>
internal static class EmbeddingRuns
{
    private static readonly double[] L2s = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2];
    private static readonly int[] Neighbours = [1, 5, 20];
    private static readonly double[] Shares = [0, 0.25, 0.5, 1, 2, 4];
    private const int Folds = 5;

    public static void Run(
        List<(string Source, LabeledText Example)> everything,
        List<(string Name, string Group, Func<string, bool> InTraining, Func<string, bool> InTest)> runs,
        Func<List<(double Score, bool IsSpam)>, double> auc,
        Func<List<(double Score, bool IsSpam)>, double, double> recallAtOnePercent)
    {
        var cacheFile = Environment.GetEnvironmentVariable("SPAM_EMBEDDING_CACHE") ?? Path.Combine(Path.GetTempPath(), "gazette-spam-minilm.bin");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var embedding = SentenceEmbeddings.For([.. everything.Select(e => e.Example.Text)], cacheFile);
        Console.Error.WriteLine($"embeddings of {embedding.Count} distinct texts ready in {clock.Elapsed.TotalSeconds:0.0} s (cache {cacheFile})");
        if (Environment.GetEnvironmentVariable("SPAM_EMBEDDING_TIME") == "1")
        {
            var (load, perText) = SentenceEmbeddings.Time([.. everything.Where(e => e.Source != "SMS").Select(e => e.Example.Text).Take(300)]);
            Console.Error.WriteLine($"encoder load {load:0} ms; {perText:0.00} ms per comment (300 comments one at a time, one thread)");
        }

        Console.WriteLine("| run | method | L2 | share | threshold | precision | recall | F1 | FPR | accuracy | MCC | AUC | R@1% |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var results = new List<(string Group, string Method, Metrics Metrics, double Auc, double Recall)>();
        foreach (var run in runs)
        {
            var training = everything.Where(e => run.InTraining(e.Source)).ToList();
            var test = everything.Where(e => run.InTest(e.Source)).Select(e => e.Example).ToList();
            var labels = training.Select(e => e.Example.IsSpam).ToArray();
            var sources = training.Select(e => e.Source).ToArray();
            var fold = training.Select(e => FoldOf(e.Example.Text)).ToArray();
            var all = Enumerable.Range(0, training.Count).ToArray();
            var testLabels = test.Select(e => e.IsSpam).ToArray();

            // The shipped linear model, on the test and out of fold inside the training sources.
            var linear = SpamModel.Train(training.Select(e => e.Example));
            var linearTest = test.Select(e => Logit(linear.Probability(e.Text, e.Author))).ToArray();
            var linearOutOfFold = new double[training.Count];
            for (var k = 0; k < Folds; k++)
            {
                var part = SpamModel.Train(all.Where(i => fold[i] != k).Select(i => training[i].Example));
                foreach (var i in all.Where(i => fold[i] == k))
                    linearOutOfFold[i] = Logit(part.Probability(training[i].Example.Text, training[i].Example.Author));
            }
            Report(run.Name, run.Group, "linear (shipped)", "", "", linearTest, testLabels, Logit(linear.Threshold));

            // The linear log-odds plus a share of a second score, the share chosen by the out-of-fold log-loss.
            void Stack(string method, string setting, double[] secondOutOfFold, double[] secondTest)
            {
                var (bestLoss, bestShare) = (double.PositiveInfinity, 0.0);
                foreach (var share in Shares)
                {
                    var mixed = linearOutOfFold.Select((s, i) => s + share * secondOutOfFold[i]).ToArray();
                    var loss = SpamCalibration.Loss(mixed, labels, SpamCalibration.Fit(mixed, labels));
                    if (loss < bestLoss - 1e-9)
                        (bestLoss, bestShare) = (loss, share);
                }
                var (stackOutOfFold, stackTest) = Calibrated([.. linearOutOfFold.Select((s, i) => s + bestShare * secondOutOfFold[i])],
                    [.. linearTest.Select((s, i) => s + bestShare * secondTest[i])], labels);
                Report(run.Name, run.Group, method, setting, bestShare.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                    stackTest, testLabels, Threshold(stackOutOfFold));
            }

            // Logistic regression on the embedding: L2 chosen by the out-of-fold calibrated log-loss.
            var vectors = training.Select(e => embedding[e.Example.Text]).ToArray();
            var (bestLoss, bestL2, embeddingOutOfFold) = (double.PositiveInfinity, 0.0, Array.Empty<double>());
            foreach (var l2 in L2s)
            {
                var outOfFold = new double[training.Count];
                for (var k = 0; k < Folds; k++)
                {
                    var inside = all.Where(i => fold[i] != k).ToArray();
                    var model = DenseLogistic.Fit([.. inside.Select(i => vectors[i])], [.. inside.Select(i => labels[i])], BalancedWeights(inside, labels, sources), l2);
                    foreach (var i in all.Where(i => fold[i] == k))
                        outOfFold[i] = model.LogOdds(vectors[i]);
                }
                var loss = SpamCalibration.Loss(outOfFold, labels, SpamCalibration.Fit(outOfFold, labels));
                if (loss < bestLoss - 1e-9)
                    (bestLoss, bestL2, embeddingOutOfFold) = (loss, l2, outOfFold);
            }
            var embeddingModel = DenseLogistic.Fit(vectors, labels, BalancedWeights(all, labels, sources), bestL2);
            var embeddingTest = test.Select(e => embeddingModel.LogOdds(embedding[e.Text])).ToArray();
            var l2Label = bestL2.ToString("0e0", System.Globalization.CultureInfo.InvariantCulture);
            var (calibratedOutOfFold, calibratedTest) = Calibrated(embeddingOutOfFold, embeddingTest, labels);
            Report(run.Name, run.Group, "(1) embedding alone", l2Label, "", calibratedTest, testLabels, Threshold(calibratedOutOfFold));

            // Stacking: linear log-odds + share × embedding log-odds, the share by the out-of-fold log-loss.
            Stack("(2) linear + embedding", l2Label, embeddingOutOfFold, embeddingTest);

            // Nearest neighbours: mean cosine of the k most similar spam minus that of the k most similar ham
            // (out of fold inside the training sources), k chosen by the out-of-fold calibrated log-loss.
            var spamRows = all.Where(i => labels[i]).ToArray();
            var hamRows = all.Where(i => !labels[i]).ToArray();
            var testVectors = test.Select(e => embedding[e.Text]).ToArray();
            var (bestKLoss, bestK, knnOutOfFold, knnTest) = (double.PositiveInfinity, 0, Array.Empty<double>(), Array.Empty<double>());
            foreach (var k in Neighbours)
            {
                var outOfFold = all.Select(i => NeighbourScore(vectors[i], vectors, spamRows, hamRows, j => fold[j] != fold[i], k)).ToArray();
                var loss = SpamCalibration.Loss(outOfFold, labels, SpamCalibration.Fit(outOfFold, labels));
                if (loss < bestKLoss - 1e-9)
                    (bestKLoss, bestK, knnOutOfFold) = (loss, k, outOfFold);
            }
            knnTest = [.. testVectors.Select(v => NeighbourScore(v, vectors, spamRows, hamRows, _ => true, bestK))];
            var (knnCalibratedOutOfFold, knnCalibratedTest) = Calibrated(knnOutOfFold, knnTest, labels);
            Report(run.Name, run.Group, "(1b) nearest neighbours", $"k={bestK}", "", knnCalibratedTest, testLabels, Threshold(knnCalibratedOutOfFold));
            // Stacked on the calibrated neighbour score, so that the shares mean the same as for the regression.
            Stack("(2b) linear + neighbours", $"k={bestK}", knnCalibratedOutOfFold, knnCalibratedTest);

            // (3) The embedding's dimensions fitted jointly with the linear model: a regression on the embedding with
            // the linear model's out-of-fold log-odds as a fixed offset, so it learns only what the linear model misses.
            var (jointLoss, jointL2, jointOutOfFold) = (double.PositiveInfinity, 0.0, Array.Empty<double>());
            foreach (var l2 in L2s)
            {
                var outOfFold = new double[training.Count];
                for (var k = 0; k < Folds; k++)
                {
                    var inside = all.Where(i => fold[i] != k).ToArray();
                    var model = DenseLogistic.Fit([.. inside.Select(i => vectors[i])], [.. inside.Select(i => labels[i])],
                        BalancedWeights(inside, labels, sources), l2, [.. inside.Select(i => linearOutOfFold[i])]);
                    foreach (var i in all.Where(i => fold[i] == k))
                        outOfFold[i] = linearOutOfFold[i] + model.LogOdds(vectors[i]);
                }
                var loss = SpamCalibration.Loss(outOfFold, labels, SpamCalibration.Fit(outOfFold, labels));
                if (loss < jointLoss - 1e-9)
                    (jointLoss, jointL2, jointOutOfFold) = (loss, l2, outOfFold);
            }
            var joint = DenseLogistic.Fit(vectors, labels, BalancedWeights(all, labels, sources), jointL2, linearOutOfFold);
            var (jointCalibratedOutOfFold, jointCalibratedTest) = Calibrated(jointOutOfFold,
                [.. linearTest.Select((s, i) => s + joint.LogOdds(testVectors[i]))], labels);
            Report(run.Name, run.Group, "(3) linear + embedding dims, joint", jointL2.ToString("0e0", System.Globalization.CultureInfo.InvariantCulture), "",
                jointCalibratedTest, testLabels, Threshold(jointCalibratedOutOfFold));

            double Threshold(double[] calibratedOutOfFold) =>
                SpamTraining.ChooseThreshold(calibratedOutOfFold, labels, sources, 0.01).Threshold;
        }
        foreach (var group in results.GroupBy(r => (r.Group, r.Method)).Where(g => g.Count() > 1))
            Console.WriteLine($"| ({group.Key.Group}) mean of {group.Count()} runs | {group.Key.Method} | | | | {Metrics.Mean(group.Select(g => g.Metrics))} | {group.Average(g => g.Auc):0.000} | {group.Average(g => g.Recall):0.000} |");

        void Report(string name, string group, string method, string l2, string share, double[] testLogOdds, bool[] testLabels, double threshold)
        {
            var metrics = Metrics.Of(testLogOdds.Select((s, i) => (s >= threshold, testLabels[i])));
            var scored = testLogOdds.Select((s, i) => (s, testLabels[i])).ToList();
            var (area, recall) = (auc(scored), recallAtOnePercent(scored, 0.01));
            results.Add((group, method, metrics, area, recall));
            Console.WriteLine($"| ({group}) {name} | {method} | {l2} | {share} | {DenseLogistic.Sigmoid(threshold):0.000} | {metrics.Row} | {area:0.000} | {recall:0.000} |");
        }

    }

    /// <summary>Platt's scaling fitted on the training sources' out-of-fold scores only, applied to both.</summary>
    private static (double[] OutOfFold, double[] Test) Calibrated(double[] outOfFold, double[] onTest, bool[] labels)
    {
        var (slope, intercept) = SpamCalibration.Fit(outOfFold, labels);
        return ([.. outOfFold.Select(s => slope * s + intercept)], [.. onTest.Select(s => slope * s + intercept)]);
    }

    private static double NeighbourScore(float[] x, float[][] vectors, int[] spamRows, int[] hamRows, Func<int, bool> allowed, int k) =>
        TopMean(x, vectors, spamRows, allowed, k) - TopMean(x, vectors, hamRows, allowed, k);

    private static double TopMean(float[] x, float[][] vectors, int[] rows, Func<int, bool> allowed, int k)
    {
        var top = new double[k];
        Array.Fill(top, -1.0);
        foreach (var j in rows)
        {
            if (!allowed(j))
                continue;
            var similarity = System.Numerics.Tensors.TensorPrimitives.Dot<float>(x, vectors[j]);
            if (similarity <= top[k - 1])
                continue;
            var at = k - 1;
            while (at > 0 && top[at - 1] < similarity)
            {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = similarity;
        }
        return top.Average();
    }

    private static double[] BalancedWeights(int[] examples, bool[] labels, string[] sources)
    {
        var groups = examples.GroupBy(i => (sources[i], labels[i])).ToDictionary(g => g.Key, g => g.Count());
        return [.. examples.Select(i => examples.Length / ((double)groups.Count * groups[(sources[i], labels[i])]))];
    }

    private static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-15, 1 - 1e-15);
        return Math.Log(p) - Math.Log(1 - p);
    }

    // The same folds as SpamTraining: a hash of the normalised text, so repeated messages never straddle folds.
    private static int FoldOf(string text)
    {
        var normalised = string.Join(' ', SpamFeatures.Clean(text).ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var hash = 2166136261u;
        foreach (var c in normalised)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % Folds);
    }
}
