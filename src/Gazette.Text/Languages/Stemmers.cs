using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Gazette.Text.Languages;

/// <summary>
/// Snowball stemmers as functions. A stemmer instance keeps state, so each call gives a fresh function that must
/// not be shared between threads.
/// </summary>
public static class Stemmers
{
    /// <summary>Stems a lower-case word with the language's stemmer (<see cref="LanguageRegistry"/>); languages
    /// without one get the identity.</summary>
    public static Func<string, string> For(string language) =>
        LanguageRegistry.Find(language)?.Stemmer is { } create ? Wrap(create()) : word => word;

    /// <summary>The original Porter stemmer, which the keyphrase evaluation stems English gold phrases with (as the
    /// published results it compares with do).</summary>
    public static Func<string, string> Porter() => Wrap(new PorterStemmer());

    private static Func<string, string> Wrap(SnowballProgram program) => word =>
    {
        program.SetCurrent(word);
        program.Stem();
        return program.Current;
    };
}
