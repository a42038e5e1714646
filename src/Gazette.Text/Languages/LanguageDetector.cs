namespace Gazette.Text.Languages;

/// <summary>
/// Guesses the language of a text from the share of its words that are that language's commonest function words,
/// with a small bonus for letters only some of the languages use. Good from a short sentence on; returns
/// <c>null</c> when nothing points anywhere (no function word and no telling letter).
/// </summary>
public static class LanguageDetector
{
    public static readonly IReadOnlyList<string> Supported = ["fr", "en", "nl", "de", "es", "it"];

    // The commonest function words only: long lists would favour the language with the longest list.
    private static readonly Dictionary<string, HashSet<string>> Profiles = new()
    {
        ["fr"] = Words("le la les l un une des du de d et est en que qui dans pour pas sur au aux ce cette il elle ils nous vous ne se sont avec par plus ont été son sa ses leur qu c j"),
        ["en"] = Words("the a an and of to in is are was were that this it for on with as by at from be have has had not but or they he she we you his her their which will would been"),
        ["nl"] = Words("de het een en van in is dat die op te voor met zijn niet aan er ook als bij maar om naar dan wordt werd heeft hebben ik je we ze hij deze nog wel"),
        ["de"] = Words("der die das den dem des ein eine einen und ist in nicht zu mit von sich auf für im auch es ich sie er wir dass wird werden hat haben sind war aus bei nach heute wieder"),
        ["es"] = Words("el la los las un una unos y de del en que es por para con no se su sus lo al como más pero ha han son está fue muy también ya"),
        ["it"] = Words("il lo la i gli le un una e è di del della dei delle in che per con non si sono ha hanno da al alla nel nella anche come più ma questo questa a sul sulla ci"),
    };

    private static readonly Dictionary<string, string> TellingLetters = new()
    {
        ["fr"] = "éèêëàâçùûôîïœ",
        ["en"] = "",
        ["nl"] = "ĳ",
        ["de"] = "äöüß",
        ["es"] = "ñáíóú¿¡",
        ["it"] = "òìàèù",
    };

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
            var hits = words.Count(profile.Contains);
            var letters = text.Count(c => TellingLetters[language].Contains(char.ToLowerInvariant(c)));
            var score = (double)hits / words.Count + 0.5 * Math.Min(letters, 4) / Math.Max(words.Count, 4);
            if (score > bestScore)
                (best, bestScore) = (language, score);
        }
        return best;
    }

    private static HashSet<string> Words(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
