using Gazette.Text.Languages;

namespace Gazette.Text.Keyphrases;

/// <summary>
/// The site's existing tag names, indexed by stem sequence, so that a suggestion that means the same thing as a
/// tag ("garanties de sécurité" for the tag "Garantie de sécurité") comes out as that tag's name.
/// </summary>
public sealed class ExistingTags
{
    private readonly Dictionary<string, string> namesByStem = new(StringComparer.Ordinal);
    private readonly Func<string, string> stemOf;

    public ExistingTags(IEnumerable<string> tagNames, string language)
    {
        stemOf = Stemmers.For(language);
        foreach (var name in tagNames)
        {
            var key = Key(name);
            if (key.Length > 0)
                namesByStem.TryAdd(key, name);
        }
    }

    /// <summary>The existing tag a phrase matches by lower-cased, accent-folded stem sequence, if any.</summary>
    public string? Find(string phrase) => namesByStem.GetValueOrDefault(Key(phrase));

    /// <summary>Replaces suggestions by the existing tags they match, drops what becomes a duplicate, keeps order.</summary>
    public IReadOnlyList<string> Apply(IEnumerable<string> suggestions)
    {
        var result = new List<string>();
        foreach (var suggestion in suggestions)
        {
            var name = Find(suggestion) ?? suggestion;
            if (!result.Contains(name, StringComparer.OrdinalIgnoreCase))
                result.Add(name);
        }
        return result;
    }

    private string Key(string phrase)
    {
        var words = TextTokens.Words(PhraseTokenizer.Normalize(phrase).ToLowerInvariant());
        return string.Join(' ', words.Select(w => Slugs.Create(stemOf(w))));
    }
}
