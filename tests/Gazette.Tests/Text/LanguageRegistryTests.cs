using System.Globalization;

using Gazette.Text.Analysis;
using Gazette.Text.Languages;

namespace Gazette.Tests.Text;

/// <summary>Every entry of the registry says all it must: a language added with a part missing fails here.</summary>
public sealed class LanguageRegistryTests
{
    public static TheoryData<string> Codes => [.. LanguageRegistry.All.Select(language => language.Code)];

    /// <summary>The languages Gazette speaks in its interface only, searched with the plain chain and tagged with the
    /// English rules. Any other entry must have every text part.</summary>
    private static readonly string[] InterfaceOnly = ["ar"];

    [Fact]
    public void Codes_are_distinct_lower_case_two_letter_languages_and_english_is_the_fallback()
    {
        var codes = LanguageRegistry.All.Select(language => language.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[a-z]{2}$", code));
        Assert.Equal(LanguageRegistry.FallbackCode, LanguageRegistry.InterfaceLanguages[0]);
        Assert.True(LanguageRegistry.Find(LanguageRegistry.FallbackCode)!.HasInterface);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_entry_has_a_plural_rule_whose_categories_cover_every_count(string code)
    {
        var language = LanguageRegistry.Find(code)!;
        foreach (var rule in language.RegionalPlurals.Values.Append(language.Plurals))
        {
            Assert.Contains(PluralCategory.Other, rule.Categories);
            Assert.Equal(rule.Categories.Count, rule.Categories.Distinct().Count());
            for (var n = 0L; n <= 1_200; n++)
                Assert.Contains(rule.CategoryOfSize(n), rule.Categories);
            Assert.Contains(rule.CategoryOfSize(long.MaxValue), rule.Categories);
        }
        Assert.All(language.RegionalPlurals.Keys, region => Assert.Matches("^[A-Z]{2}$", region));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_entry_has_the_direction_of_its_culture(string code) =>
        Assert.Equal(CultureInfo.GetCultureInfo(code).TextInfo.IsRightToLeft, LanguageRegistry.Find(code)!.RightToLeft);

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_entry_but_the_interface_only_ones_has_search_stemming_tags_stop_words_and_detection(string code)
    {
        var language = LanguageRegistry.Find(code)!;
        if (InterfaceOnly.Contains(code))
        {
            Assert.True(language.HasInterface);
            Assert.Null(language.SearchFilters);
            Assert.Null(language.Stemmer);
            Assert.Null(language.Keyphrases);
            Assert.Null(language.Detection);
            return;
        }
        Assert.NotNull(language.SearchFilters);
        Assert.Equal(code, ArticleAnalyzers.KeyOf(code));
        Assert.NotEmpty(ArticleAnalyzers.Terms(code, "Gazette"));

        Assert.NotNull(language.Stemmer);
        Assert.NotNull(language.Stemmer()); // a fresh instance each time: a stemmer keeps state
        Assert.NotSame(language.Stemmer(), language.Stemmer());

        Assert.NotNull(language.Keyphrases);
        Assert.Equal(code, language.Keyphrases.Code);
        Assert.NotNull(language.StopWords);
        Assert.True(language.StopWords.Count >= 50, $"{code} has {language.StopWords.Count} stop words");
        Assert.All(language.StopWords, word => Assert.Equal(word.ToLowerInvariant(), word));
        Assert.NotEmpty(language.Keyphrases.Connectors);
        Assert.NotEmpty(language.Keyphrases.Determiners);

        Assert.NotNull(language.Detection);
        Assert.InRange(language.Detection.FunctionWords.Count, 25, 60);
        Assert.Contains(code, LanguageDetector.Supported);
    }

    [Fact]
    public void Lookups_follow_the_primary_subtag_whatever_its_case_or_separator()
    {
        Assert.Equal("fr", LanguageRegistry.Find("fr-CA")?.Code);
        Assert.Equal("pt", LanguageRegistry.Find(" PT_br ")?.Code);
        Assert.Null(LanguageRegistry.Find("sv"));
        Assert.Null(LanguageRegistry.Find(null));
    }

    [Theory]
    [InlineData("ar", true)]
    [InlineData("ar-EG", true)]
    [InlineData("he", true)] // not in the registry: .NET's culture says
    [InlineData("fr", false)]
    [InlineData("pt-BR", false)]
    [InlineData("not a tag!", false)]
    [InlineData(null, false)]
    public void Direction_is_the_registry_s_else_the_culture_s(string? tag, bool rightToLeft) =>
        Assert.Equal(rightToLeft, LanguageRegistry.IsRightToLeft(tag));
}
