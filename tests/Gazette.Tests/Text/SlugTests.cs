using Gazette.Text;

namespace Gazette.Tests.Text;

public sealed class SlugTests
{
    [Fact]
    public void French_elisions_join_the_words_they_sit_between()
    {
        Assert.Equal(
            "lotan-cherche-des-moyens-dofficialiser-ses-relations-avec-lukraine",
            Slugs.Create("L’OTAN cherche des moyens d’officialiser ses relations avec l’Ukraine"));
        Assert.Equal("laeroport-daujourdhui", Slugs.Create("L'aéroport d'aujourd'hui"));
    }

    [Theory]
    [InlineData("Été à Besançon", "ete-a-besancon")]
    [InlineData("Façade de la Cour", "facade-de-la-cour")]
    [InlineData("España y el niño", "espana-y-el-nino")]
    [InlineData("Über München", "uber-munchen")]
    [InlineData("Straße in Köln", "strasse-in-koln")]
    [InlineData("Œuvre et cœur", "oeuvre-et-coeur")]
    [InlineData("Ærø og Søby", "aero-og-soby")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Crème brûlée, ﬁn", "creme-brulee-fin")]
    public void Diacritics_and_special_letters_fold_to_ASCII(string text, string slug) => Assert.Equal(slug, Slugs.Create(text));

    [Theory]
    [InlineData("“Quoted” headline", "quoted-headline")]
    [InlineData("« Nous tiendrons », dit-elle", "nous-tiendrons-dit-elle")]
    [InlineData("‘Single’ and \"double\"", "single-and-double")]
    [InlineData("„Anführungszeichen“ ‹hier›", "anfuhrungszeichen-hier")]
    public void Typographic_quotes_are_dropped(string text, string slug) => Assert.Equal(slug, Slugs.Create(text));

    [Theory]
    [InlineData("COVID-19: 2,5 millions de cas en 2021", "covid-19-2-5-millions-de-cas-en-2021")]
    [InlineData("Top 10 — the list", "top-10-the-list")]
    [InlineData("1984", "1984")]
    public void Digits_are_kept(string text, string slug) => Assert.Equal(slug, Slugs.Create(text));

    [Theory]
    [InlineData("الاقتصاد", "alaqtsad")]
    [InlineData("ميناء أورال", "myna-awral")]
    [InlineData("أخبار إسطنبول ٢٠٢٤", "akhbar-astnbwl-2024")]
    [InlineData("المدرسة، والجامعة؟", "almdrsa-waljama")]
    [InlineData("مؤتمر الرئيس", "mwtmr-alryys")]
    [InlineData("كتـــاب", "ktab")]
    [InlineData("Москва", "moskva")]
    [InlineData("Ёлка у Йошкар-Олы", "elka-u-ioshkar-oly")]
    [InlineData("Щедрость объявлений", "shchedrost-obyavlenii")]
    [InlineData("Київ", "kiiv")]
    [InlineData("Θεσσαλονίκη", "thessaloniki")]
    [InlineData("Ελλάδα και Κύπρος", "ellada-kai-kypros")]
    public void Arabic_Cyrillic_and_Greek_are_spelled_in_latin(string text, string slug) => Assert.Equal(slug, Slugs.Create(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("!!! ??? … — « »")]
    [InlineData("’’’")]
    [InlineData("北京")]
    public void Nothing_to_spell_gives_an_empty_slug(string? text) => Assert.Equal("", Slugs.Create(text));

    [Fact]
    public void Separators_never_double_or_dangle()
    {
        Assert.Equal("a-b-c", Slugs.Create("  --A -- b__c!  "));
    }

    [Fact]
    public void A_long_headline_is_cut_at_a_word_boundary_within_80_characters()
    {
        var headline = "Le gouvernement annonce un plan de relance pour les régions touchées par les inondations de l’automne dernier";

        var slug = Slugs.Create(headline);

        Assert.True(slug.Length <= Slugs.DefaultMaxLength, slug);
        Assert.Equal("le-gouvernement-annonce-un-plan-de-relance-pour-les-regions-touchees-par-les", slug);
        Assert.False(slug.EndsWith('-'));
        Assert.StartsWith(slug + "-", Slugs.Create(headline, maxLength: 500));
    }

    [Fact]
    public void A_single_word_longer_than_the_limit_is_cut_inside_the_word()
    {
        Assert.Equal(new string('a', 80), Slugs.Create(new string('a', 100)));
    }

    [Fact]
    public void A_slug_exactly_at_the_limit_is_kept_whole()
    {
        var text = new string('a', 39) + " " + new string('b', 40);

        Assert.Equal(80, Slugs.Create(text).Length);
    }

    [Fact]
    public void The_same_text_always_gives_the_same_slug_and_a_slug_is_its_own_slug()
    {
        const string headline = "Ça déménage : l’Élysée « rénové » à 100 % ?";

        var slug = Slugs.Create(headline);

        Assert.Equal(slug, Slugs.Create(headline));
        Assert.Equal(slug, Slugs.Create(slug));
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", slug);
    }

    [Fact]
    public void Decomposed_and_composed_accents_give_the_same_slug()
    {
        Assert.Equal(Slugs.Create("Cafe\u0301"), Slugs.Create("Caf\u00e9"));
    }
}
