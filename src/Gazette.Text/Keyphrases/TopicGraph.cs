namespace Gazette.Text.Keyphrases;

/// <summary>
/// A second opinion on the candidates, from how they sit in the text rather than from word statistics: the
/// multipartite graph of Boudin (NAACL 2018, "Unsupervised Keyphrase Extraction with Multipartite Graphs").
/// Candidates sharing stems form a topic; every candidate links to the candidates of other topics, more strongly
/// the closer their occurrences; the first-mentioned candidate of each topic draws the links of its topic-mates
/// (news says what matters first); a random walk then scores each candidate by how central it is.
/// </summary>
internal static class TopicGraph
{
    /// <summary>Share of stems two candidates must have in common to be one topic (Boudin's 0.25, as in TopicRank).</summary>
    private const double TopicOverlap = 0.25;

    /// <summary>Weight of the first mention's bonus (Boudin's α = 1.1).</summary>
    private const double FirstMentionWeight = 1.1;

    private const double Damping = 0.85;
    private const int Iterations = 40;

    /// <summary>Centrality of each candidate (higher is better), in the order given. With a
    /// <paramref name="positionBias"/> above 0, the walk restarts more often at early candidates (PositionRank,
    /// Florescu and Caragea, ACL 2017: the restart probability of a candidate is proportional to the sum of
    /// 1 / position over its occurrences), mixed in that share with Boudin's uniform restart.</summary>
    public static double[] Rank(IReadOnlyList<Candidate> candidates, double positionBias = 0)
    {
        var n = candidates.Count;
        if (n == 0)
            return [];
        var stems = candidates.Select(c => c.Tokens.Where(t => !t.IsStop).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal)).ToList();
        var topics = Topics(stems);

        // Edges between candidates of different topics: the sum of 1 / distance over pairs of occurrences.
        var weights = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (topics[i] == topics[j])
                    continue;
                var weight = 0.0;
                foreach (var a in candidates[i].Occurrences)
                    foreach (var b in candidates[j].Occurrences)
                        weight += 1.0 / Math.Max(1, Math.Abs(a - b));
                weights[i, j] = weights[j, i] = weight;
            }
        }

        // The first mention of each topic gains, on each incoming edge, the weights its topic-mates receive from
        // that same neighbour, the more the earlier it comes (e^(1/position), position counted from 1).
        var adjusted = (double[,])weights.Clone();
        foreach (var topic in Enumerable.Range(0, n).GroupBy(i => topics[i]))
        {
            var members = topic.ToList();
            if (members.Count < 2)
                continue;
            var first = members.MinBy(i => candidates[i].Occurrences[0]);
            var bonus = FirstMentionWeight * Math.Exp(1.0 / (candidates[first].Occurrences[0] + 1));
            for (var j = 0; j < n; j++)
            {
                if (topics[j] == topic.Key)
                    continue;
                var mates = members.Where(m => m != first).Sum(m => weights[j, m]);
                adjusted[j, first] += bonus * mates;
            }
        }

        var outgoing = new double[n];
        for (var j = 0; j < n; j++)
            for (var i = 0; i < n; i++)
                outgoing[j] += adjusted[j, i];
        var early = candidates.Select(c => c.Occurrences.Sum(o => 1.0 / (o + 1))).ToArray();
        var earlyTotal = early.Sum();
        // Restart shares summing to n, so that scores stay on the scale of the uniform walk's.
        var restart = early.Select(e => (1 - positionBias) + positionBias * n * e / earlyTotal).ToArray();
        var scores = Enumerable.Repeat(1.0, n).ToArray();
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var next = new double[n];
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                    if (adjusted[j, i] > 0)
                        sum += adjusted[j, i] / outgoing[j] * scores[j];
                next[i] = (1 - Damping) * restart[i] + Damping * sum;
            }
            scores = next;
        }
        return scores;
    }

    /// <summary>Average-linkage clustering of the candidates by shared stems, stopped below <see cref="TopicOverlap"/>;
    /// run within each group of candidates linked by some shared stem, as no other pair can ever merge.</summary>
    private static int[] Topics(List<HashSet<string>> stems)
    {
        var topics = new int[stems.Count];
        var next = 0;
        var byStem = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < stems.Count; i++)
            foreach (var stem in stems[i])
                (byStem.TryGetValue(stem, out var list) ? list : byStem[stem] = []).Add(i);
        var seen = new bool[stems.Count];
        for (var start = 0; start < stems.Count; start++)
        {
            if (seen[start])
                continue;
            var group = new List<int>();
            var pending = new Stack<int>([start]);
            seen[start] = true;
            while (pending.TryPop(out var i))
            {
                group.Add(i);
                foreach (var stem in stems[i])
                    foreach (var j in byStem[stem].Where(j => !seen[j]))
                    {
                        seen[j] = true;
                        pending.Push(j);
                    }
            }
            foreach (var cluster in Cluster(group, stems))
            {
                foreach (var i in cluster)
                    topics[i] = next;
                next++;
            }
        }
        return topics;
    }

    private static List<List<int>> Cluster(List<int> group, List<HashSet<string>> stems)
    {
        var clusters = group.Select(i => new List<int> { i }).ToList();
        while (clusters.Count > 1)
        {
            var (bestA, bestB, best) = (-1, -1, TopicOverlap);
            for (var a = 0; a < clusters.Count; a++)
            {
                for (var b = a + 1; b < clusters.Count; b++)
                {
                    var total = 0.0;
                    foreach (var i in clusters[a])
                        foreach (var j in clusters[b])
                            total += Overlap(stems[i], stems[j]);
                    var average = total / (clusters[a].Count * clusters[b].Count);
                    if (average >= best)
                        (bestA, bestB, best) = (a, b, average);
                }
            }
            if (bestA < 0)
                break;
            clusters[bestA].AddRange(clusters[bestB]);
            clusters.RemoveAt(bestB);
        }
        return clusters;
    }

    private static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
            return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / a.Union(b).Count();
    }
}
