using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Gazette.Text.Languages;

/// <summary>
/// Snowball stemmers by language code. A stemmer instance keeps state, so each call to <see cref="For"/> gives a
/// fresh function that must not be shared between threads.
/// </summary>
public static class Stemmers
{
    /// <summary>Stems a lower-case word; unknown languages get the identity.</summary>
    public static Func<string, string> For(string language)
    {
        SnowballProgram? program = language switch
        {
            "fr" => new FrenchStemmer(),
            "en" => new EnglishStemmer(),
            "nl" => new DutchStemmer(),
            "de" => new GermanStemmer(),
            "es" => new SpanishStemmer(),
            "it" => new ItalianStemmer(),
            "porter" => new PorterStemmer(),
            _ => null,
        };
        if (program is null)
            return word => word;
        return word =>
        {
            program.SetCurrent(word);
            program.Stem();
            return program.Current;
        };
    }
}
