using Gazette.Text.Keyphrases;
using Gazette.Text.Languages;

namespace Gazette.Tests.Text;

public sealed class KeyphraseExtractorTests
{
    private static readonly KeyphraseExtractor Extractor = new();

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void Never_suggests_a_stop_word_nor_starts_or_ends_with_one(string language)
    {
        var (title, text) = Sample(language);
        var stopWords = LanguageRegistry.Find(language)!.StopWords!;

        var keyphrases = Extractor.Extract(title, text, language);

        Assert.InRange(keyphrases.Count, 5, 10);
        foreach (var keyphrase in keyphrases)
        {
            var words = TextTokens.Words(keyphrase.ToLowerInvariant()).ToList();
            Assert.DoesNotContain(words[0], stopWords);
            Assert.DoesNotContain(words[^1], stopWords);
        }
    }

    [Fact]
    public void English_suggests_the_name_rather_than_a_noun_put_before_it()
    {
        const string title = "Pop star Michael Buble marries Argentine actress Luisana Lopilato";
        const string text = "Canadian pop star Michael Buble has married Argentine TV actress Luisana Lopilato in Buenos Aires. "
            + "The wedding took place at a registry office. Buble and Lopilato met in 2005, and the actress said the wedding "
            + "was small. Michael Buble thanked his fans for their messages.";

        var keyphrases = Extractor.Extract(title, text, "en");

        Assert.Contains("Michael Buble", keyphrases);
        Assert.Contains("Luisana Lopilato", keyphrases);
        Assert.DoesNotContain(keyphrases, k => k.EndsWith("Michael Buble", StringComparison.Ordinal) && k != "Michael Buble");
        Assert.DoesNotContain(keyphrases, k => k.EndsWith("Luisana Lopilato", StringComparison.Ordinal) && k != "Luisana Lopilato");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void Never_suggests_the_same_phrase_twice(string language)
    {
        var (title, text) = Sample(language);
        var stem = Stemmers.For(language);

        var keyphrases = Extractor.Extract(title, text, language);

        var keys = keyphrases.Select(k => string.Join(' ', TextTokens.Words(k.ToLowerInvariant()).Select(stem))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Finds_french_names_and_multi_word_phrases()
    {
        var keyphrases = Extractor.Extract(KeyphraseSamples.FrenchTitle, KeyphraseSamples.FrenchText, "fr");

        Assert.Contains("garanties de sécurité", keyphrases);
        Assert.Contains("Jens Stoltenberg", keyphrases);
        Assert.Contains("Conseil OTAN-Ukraine", keyphrases);
        Assert.Contains("Vilnius", keyphrases);
    }

    [Fact]
    public void Cuts_french_elision_off()
    {
        var keyphrases = Extractor.Extract(KeyphraseSamples.FrenchTitle, KeyphraseSamples.FrenchText, "fr");

        Assert.Contains("Ukraine", keyphrases);
        Assert.DoesNotContain(keyphrases, k => k.Contains('’') || k.Contains('\'') || k.StartsWith("l ", StringComparison.Ordinal));
    }

    [Fact]
    public void Elision_with_straight_apostrophe_and_typographic_quotes()
    {
        var keyphrases = Extractor.Extract("Le «plan» d'action",
            "L'entreprise présente « le plan d'économies ». L’entreprise promet que le plan d'économies épargnera l'emploi. "
            + "Le plan d'économies sera voté par l'entreprise.", "fr");

        Assert.Contains("entreprise", keyphrases);
        Assert.Contains("plan d'économies", keyphrases);
        Assert.DoesNotContain(keyphrases, k => k.Contains('«') || k.Contains('»'));
    }

    [Fact]
    public void Finds_english_names_and_phrases_with_sensible_casing()
    {
        var keyphrases = Extractor.Extract(KeyphraseSamples.EnglishTitle, KeyphraseSamples.EnglishText, "en");

        Assert.Contains("Helen Ortiz", keyphrases);
        Assert.Contains(keyphrases, k => k is "bicycle lanes" or "protected bicycle lanes");
        Assert.Contains("council", keyphrases);
        Assert.DoesNotContain("Council", keyphrases);
    }

    [Fact]
    public void A_name_part_used_only_inside_the_name_is_not_suggested_alone()
    {
        var keyphrases = Extractor.Extract(KeyphraseSamples.FrenchTitle, KeyphraseSamples.FrenchText, "fr");

        Assert.DoesNotContain("Jens", keyphrases);
        Assert.DoesNotContain("sécurité", keyphrases);
    }

    [Fact]
    public void Does_not_suggest_a_lone_verb_form()
    {
        var keyphrases = Extractor.Extract("Le maire veut rénover l’école",
            "Le maire veut rénover l’école. Il faut rénover l’école avant l’hiver, a-t-il expliqué. Rénover coûte cher.", "fr");

        Assert.DoesNotContain("rénover", keyphrases, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("école", keyphrases);
    }

    [Fact]
    public void Does_not_suggest_an_english_word_the_story_uses_as_a_verb()
    {
        var keyphrases = Extractor.Extract("Council opens new library",
            "The council opened a new library in Leeds. Residents say they love the library. " +
            "Many love reading there, and they love the garden. The library will open every day.", "en");

        Assert.DoesNotContain("love", keyphrases, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("library", keyphrases);
    }

    [Fact]
    public void English_phrases_end_in_a_noun_not_an_adjective()
    {
        var keyphrases = Extractor.Extract("Surgeons try a new method",
            "Surgeons in Leeds tried a new method. The method proved effective. Doctors call the method effective " +
            "and safe, and surgeons call the method effective too.", "en");

        Assert.DoesNotContain(keyphrases, k => k.EndsWith("effective", StringComparison.OrdinalIgnoreCase) && k.Contains(' '));
        Assert.Contains("method", keyphrases);
    }

    [Fact]
    public void A_word_used_only_inside_a_repeated_title_is_suggested_as_the_whole_title()
    {
        var keyphrases = Extractor.Extract("Film Tree of Life wins in Cannes",
            "The film Tree of Life won the top prize in Cannes. Critics praised Tree of Life for its images. " +
            "Brad Pitt stars in Tree of Life, which opens in London next month.", "en");

        Assert.Contains("Tree of Life", keyphrases);
        Assert.DoesNotContain("Tree", keyphrases);
        Assert.DoesNotContain("Life", keyphrases);
    }

    [Fact]
    public void A_surname_is_not_suggested_beside_the_full_name()
    {
        const string title = "Marcus Tellingham to lead the regional orchestra";
        const string text = "The violinist Marcus Tellingham will lead the regional orchestra from September. Tellingham, " +
            "who grew up in Norwich, said the orchestra would tour village halls. Tellingham replaces a conductor who " +
            "retired in May. Musicians welcomed Tellingham and his plans for the orchestra.";

        var keyphrases = Extractor.Extract(title, text, "en");

        Assert.Contains("Marcus Tellingham", keyphrases);
        Assert.DoesNotContain("Tellingham", keyphrases);
        Assert.Contains("Tellingham", new KeyphraseExtractor { OneTagPerName = false }.Extract(title, text, "en"));
    }

    [Fact]
    public void Detects_the_language_when_unset()
    {
        var keyphrases = Extractor.Extract(KeyphraseSamples.FrenchTitle, KeyphraseSamples.FrenchText);

        Assert.Contains("garanties de sécurité", keyphrases);
    }

    [Theory]
    [InlineData("de", "Radwege", "Neue Radwege für die Innenstadt", "Der Stadtrat hat neue Radwege für die Innenstadt beschlossen. Die Radwege sollen im Frühling gebaut werden. Bürgermeisterin Anna Keller lobt die Radwege.")]
    [InlineData("nl", "fietspaden", "Nieuwe fietspaden in het centrum", "De gemeenteraad heeft nieuwe fietspaden voor het centrum goedgekeurd. De fietspaden worden in de lente aangelegd. Burgemeester Anna de Vries is tevreden over de fietspaden.")]
    [InlineData("es", "carriles bici", "Nuevos carriles bici en el centro", "El ayuntamiento aprobó nuevos carriles bici para el centro. Los carriles bici se construirán en primavera. La alcaldesa Ana López defendió los carriles bici.")]
    [InlineData("it", "piste ciclabili", "Nuove piste ciclabili in centro", "Il consiglio comunale ha approvato nuove piste ciclabili per il centro. Le piste ciclabili saranno costruite in primavera. La sindaca Anna Rossi difende le piste ciclabili.")]
    [InlineData("pt", "ciclovias", "Novas ciclovias no centro da cidade", "A câmara municipal aprovou novas ciclovias para o centro. As ciclovias serão construídas na primavera. A prefeita Ana Souza defendeu as ciclovias.")]
    public void Other_languages_get_keyphrases_without_stop_words(string language, string expected, string title, string text)
    {
        var stopWords = LanguageRegistry.Find(language)!.StopWords!;

        var keyphrases = Extractor.Extract(title, text);

        Assert.NotEmpty(keyphrases);
        Assert.All(keyphrases, k => Assert.DoesNotContain(TextTokens.Words(k.ToLowerInvariant()).First(), stopWords));
        Assert.All(keyphrases, k => Assert.DoesNotContain(TextTokens.Words(k.ToLowerInvariant()).Last(), stopWords));
        Assert.Contains(expected, keyphrases);
    }

    [Fact]
    public void Empty_input_gives_no_keyphrases()
    {
        Assert.Empty(Extractor.Extract("", "", "fr"));
        Assert.Empty(Extractor.Extract(null, "  ", null));
    }

    [Fact]
    public void Gives_at_most_the_requested_count()
    {
        Assert.Equal(3, Extractor.Extract(KeyphraseSamples.EnglishTitle, KeyphraseSamples.EnglishText, "en", 3).Count);
    }

    private static (string Title, string Text) Sample(string language) => language == "fr"
        ? (KeyphraseSamples.FrenchTitle, KeyphraseSamples.FrenchText)
        : (KeyphraseSamples.EnglishTitle, KeyphraseSamples.EnglishText);
}
