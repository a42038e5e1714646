namespace Gazette.Text.Languages;

/// <summary>
/// Guesses the language of a text from the share of its words that are that language's commonest function words,
/// with a small bonus for letters only some of the languages use (each language's <see cref="DetectionProfile"/>
/// in <see cref="LanguageRegistry"/>). Good from a short sentence on; returns <c>null</c> when nothing points
/// anywhere (no function word and no telling letter).
/// </summary>
public static class LanguageDetector
{
    private static readonly (string Code, DetectionProfile Profile)[] Profiles =
        [.. LanguageRegistry.All.Where(language => language.Detection is not null).Select(language => (language.Code, language.Detection!))];

    /// <summary>The languages a text can be detected as.</summary>
    public static readonly IReadOnlyList<string> Supported = [.. Profiles.Select(profile => profile.Code)];

    public static string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var words = TextTokens.Words(text.ToLowerInvariant()).ToList();
        if (words.Count == 0)
            return null;
        string? best = null;
        var bestScore = 0.0;
        foreach (var (language, profile) in Profiles)
        {
            var hits = words.Count(profile.FunctionWords.Contains);
            var letters = text.Count(c => profile.TellingLetters.Contains(char.ToLowerInvariant(c)));
            var score = (double)hits / words.Count + 0.5 * Math.Min(letters, 4) / Math.Max(words.Count, 4);
            if (score > bestScore)
                (best, bestScore) = (language, score);
        }
        return best;
    }
}
