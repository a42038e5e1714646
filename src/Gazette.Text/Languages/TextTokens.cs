using System.Text.RegularExpressions;

namespace Gazette.Text.Languages;

/// <summary>Plain word splitting shared by the language tools: letters and digits, apostrophes split words.</summary>
public static partial class TextTokens
{
    /// <summary>The words of <paramref name="text"/> in order; "l’Ukraine" gives "l" and "Ukraine".</summary>
    public static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    private static partial Regex WordPattern();
}
