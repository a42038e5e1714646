using Gazette.Text.Analysis;
using Gazette.Text.Keyphrases;
using Gazette.Text.Languages;

namespace Gazette.Tests.Text;

/// <summary>Portuguese, added as one registry entry: search, tags, plurals and detection.</summary>
public sealed class PortugueseTests
{
    private const string Title = "Câmara aprova novas ciclovias e reforma do transporte público";

    /// <summary>Written for this test (not taken from any data set or page).</summary>
    private const string Text = """
        A câmara municipal de Lisboa aprovou na terça-feira a construção de doze quilómetros de ciclovias no centro da cidade.
        O presidente da câmara, Carlos Moedas, disse que as novas ciclovias vão tornar as ruas mais seguras para as crianças.
        Os comerciantes da Avenida da Liberdade temem perder lugares de estacionamento, mas a câmara prometeu novos parques
        perto da estação do Rossio. A reforma do transporte público inclui mais autocarros elétricos e um passe único.
        As obras das ciclovias começam na primavera, e Carlos Moedas agradeceu à associação de ciclistas pela petição.
        """;

    private static readonly KeyphraseExtractor Extractor = new();

    [Theory]
    [InlineData("eleições", "eleição")]
    [InlineData("eleições", "eleicao")]
    [InlineData("ministras", "ministro")]
    [InlineData("pensões", "pensao")]
    [InlineData("cidades", "cidade")]
    [InlineData("jornais", "jornal")]
    [InlineData("Ação", "acao")]
    public void Inflected_and_unaccented_forms_meet_on_one_term(string written, string searched)
    {
        var indexed = ArticleAnalyzers.Terms("pt", written);

        Assert.Single(indexed);
        Assert.Equal(indexed, ArticleAnalyzers.Terms("pt-BR", searched));
    }

    [Fact]
    public void Stop_words_give_no_terms() =>
        Assert.Empty(ArticleAnalyzers.Terms("pt", "o a os as de do da que não em uma"));

    [Theory]
    [InlineData("pt", 0, PluralCategory.One)]
    [InlineData("pt", 1, PluralCategory.One)]
    [InlineData("pt", 2, PluralCategory.Other)]
    [InlineData("pt", 1000, PluralCategory.Other)]
    [InlineData("pt-BR", 0, PluralCategory.One)]
    [InlineData("pt-PT", 0, PluralCategory.Other)] // CLDR gives Portugal its own rule: only 1 is singular
    [InlineData("pt-PT", 1, PluralCategory.One)]
    [InlineData("pt_PT", 0, PluralCategory.Other)]
    public void Plurals_follow_cldr(string language, long count, PluralCategory expected)
    {
        Assert.Equal(expected, PluralRules.CategoryOf(language, count));
        Assert.Equal([PluralCategory.One, PluralCategory.Other], PluralRules.CategoriesOf(language));
    }

    [Theory]
    [InlineData("O governo anunciou que o orçamento da cidade será votado na próxima semana.", "pt")]
    [InlineData("As crianças voltaram à escola esta manhã.", "pt")]
    [InlineData("Os deputados não aprovaram a proposta do governo sobre a reforma das pensões.", "pt")]
    [InlineData("A seleção brasileira venceu o jogo com dois gols no segundo tempo.", "pt")]
    [InlineData(Title + "\n" + Text, "pt")]
    // The same news in the two nearest languages stays theirs.
    [InlineData("El gobierno anunció que el presupuesto de la ciudad será votado la próxima semana.", "es")]
    [InlineData("Los diputados no aprobaron la propuesta del gobierno sobre la reforma de las pensiones.", "es")]
    [InlineData("Il governo ha annunciato che il bilancio della città sarà votato la prossima settimana.", "it")]
    [InlineData("I deputati non hanno approvato la proposta del governo sulla riforma delle pensioni.", "it")]
    public void Portuguese_is_told_from_spanish_and_italian(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("pt")]
    [InlineData(null)] // detected
    public void Keyphrases_have_no_stop_words(string? language)
    {
        var stopWords = LanguageRegistry.Find("pt")!.StopWords!;

        var keyphrases = Extractor.Extract(Title, Text, language);

        Assert.InRange(keyphrases.Count, 5, 10);
        foreach (var keyphrase in keyphrases)
        {
            var words = TextTokens.Words(keyphrase.ToLowerInvariant()).ToList();
            Assert.DoesNotContain(words[0], stopWords);
            Assert.DoesNotContain(words[^1], stopWords);
        }
        Assert.Contains("ciclovias", keyphrases);
        Assert.Contains("Carlos Moedas", keyphrases);
    }

    [Fact]
    public void Tags_are_matched_to_existing_ones_by_portuguese_stems()
    {
        var tags = new ExistingTags(["Ciclovia"], "pt");

        Assert.Equal(["Ciclovia"], tags.Apply(["ciclovias"]));
    }
}
