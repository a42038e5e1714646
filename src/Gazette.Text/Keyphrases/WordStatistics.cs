namespace Gazette.Text.Keyphrases;

/// <summary>
/// YAKE's weight of each (non-stop) word, by stem: low for words that are capitalized, early, frequent, spread
/// over many sentences and found in few different contexts; see Campos et al., Information Sciences 509 (2020).
/// </summary>
internal static class WordStatistics
{
    public static Dictionary<string, double> Compute(List<Token> tokens)
    {
        var sentences = tokens.Count == 0 ? 1 : tokens[^1].Sentence + 1;
        var groups = tokens.Where(t => !t.IsStop).GroupBy(t => t.Stem).ToList();
        var frequencies = groups.Select(g => (double)g.Count()).ToList();
        var mean = frequencies.Average();
        var deviation = Math.Sqrt(frequencies.Sum(f => (f - mean) * (f - mean)) / frequencies.Count);
        var maxFrequency = frequencies.Max();
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var occurrences = group.ToList();
            double frequency = occurrences.Count;
            var upper = occurrences.Count(t => t.IsCapitalized && t.HasInformativeCase);
            var acronyms = occurrences.Count(t => t.IsAcronym);
            var casing = Math.Max(upper, acronyms) / (1 + Math.Log(frequency));
            var sentenceIndexes = occurrences.Select(t => t.Sentence).Order().ToList();
            var median = sentenceIndexes[sentenceIndexes.Count / 2];
            var position = Math.Log(Math.Log(3 + median));
            var normalizedFrequency = frequency / (mean + deviation);
            var left = Neighbours(occurrences, tokens, -1);
            var right = Neighbours(occurrences, tokens, +1);
            var relatedness = 1 + (left + right) * frequency / maxFrequency;
            var spread = sentenceIndexes.Distinct().Count() / (double)sentences;
            weights[group.Key] = relatedness * position / (casing + normalizedFrequency / relatedness + spread / relatedness);
        }
        return weights;
    }

    /// <summary>Distinct neighbouring words on one side divided by the number of neighbours (0 when none).</summary>
    private static double Neighbours(List<Token> occurrences, List<Token> tokens, int side)
    {
        var neighbours = new List<string>();
        foreach (var token in occurrences)
        {
            var index = token.Index + side;
            var boundary = side < 0 ? token.StartsSegment : index < tokens.Count && tokens[index].StartsSegment;
            if (index >= 0 && index < tokens.Count && !boundary)
                neighbours.Add(tokens[index].Stem);
        }
        return neighbours.Count == 0 ? 0 : neighbours.Distinct().Count() / (double)neighbours.Count;
    }
}
