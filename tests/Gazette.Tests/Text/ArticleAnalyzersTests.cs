using Gazette.Text.Analysis;

namespace Gazette.Tests.Text;

public sealed class ArticleAnalyzersTests
{
    [Theory]
    [InlineData("fr", "l’Ukraine", "Ukraine")]
    [InlineData("fr", "l'Ukraine", "ukraine")]
    [InlineData("fr", "d’officialiser", "officialiser")]
    [InlineData("fr", "L’OTAN", "OTAN")]
    [InlineData("fr", "qu’Alexandre", "alexandre")]
    [InlineData("fr", "officialisera", "officialiser")]
    [InlineData("fr", "officialisé", "officialiser")]
    [InlineData("fr", "annonces", "annonce")]
    [InlineData("fr", "sécurité", "securite")]
    [InlineData("fr", "sécurités", "Sécurité")]
    [InlineData("fr", "garanties", "garantie")]
    [InlineData("fr", "européennes", "européen")]
    [InlineData("fr", "Élysée", "elysee")]
    [InlineData("en", "ferries", "ferry")]
    [InlineData("en", "crossings", "crossing")]
    [InlineData("en", "harbour's", "harbour")]
    [InlineData("en", "running", "run")]
    [InlineData("en", "café", "cafe")]
    [InlineData("nl", "treinen", "trein")]
    [InlineData("de", "Häfen", "Hafen")]
    [InlineData("de", "Straße", "strasse")]
    [InlineData("es", "ciudades", "ciudad")]
    [InlineData("es", "canción", "cancion")]
    [InlineData("it", "l’isola", "isola")]
    [InlineData("it", "dell’Europa", "europa")]
    [InlineData("it", "città", "citta")]
    [InlineData("pt-BR", "Ação", "acao")]
    [InlineData("fr-CA", "l’érable", "erable")]
    public void Forms_of_a_word_meet_on_one_term(string language, string written, string searched)
    {
        var indexed = ArticleAnalyzers.Terms(language, written);
        var queried = ArticleAnalyzers.Terms(language, searched);

        Assert.Single(indexed);
        Assert.Equal(indexed, queried);
    }

    [Theory]
    [InlineData("fr", "le la les de des et")]
    [InlineData("en", "the and of a to")]
    [InlineData("de", "der die das und")]
    public void Stop_words_give_no_terms(string language, string text) =>
        Assert.Empty(ArticleAnalyzers.Terms(language, text));

    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("fr-BE", "fr")]
    [InlineData("EN", "en")]
    [InlineData("pt-BR", "pt")]
    [InlineData("sv-SE", ArticleAnalyzers.Standard)]
    [InlineData("", ArticleAnalyzers.Standard)]
    [InlineData(null, ArticleAnalyzers.Standard)]
    public void The_analyzer_follows_the_primary_subtag(string? language, string key) =>
        Assert.Equal(key, ArticleAnalyzers.KeyOf(language));

    [Fact]
    public void English_text_is_not_stemmed_as_french() =>
        Assert.NotEqual(ArticleAnalyzers.Terms("en", "officials"), ArticleAnalyzers.Terms("fr", "officials"));
}
