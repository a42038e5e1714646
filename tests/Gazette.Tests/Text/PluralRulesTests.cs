using Gazette.Text.Languages;

namespace Gazette.Tests.Text;

public class PluralRulesTests
{
    [Theory]
    [InlineData(0, PluralCategory.Zero)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Two)]
    [InlineData(3, PluralCategory.Few)]
    [InlineData(10, PluralCategory.Few)]
    [InlineData(11, PluralCategory.Many)]
    [InlineData(99, PluralCategory.Many)]
    [InlineData(100, PluralCategory.Other)]
    [InlineData(102, PluralCategory.Other)]
    [InlineData(103, PluralCategory.Few)]
    [InlineData(111, PluralCategory.Many)]
    [InlineData(1000, PluralCategory.Other)]
    public void Arabic_has_six_forms(long count, PluralCategory expected)
    {
        Assert.Equal(expected, PluralRules.CategoryOf("ar", count));
        Assert.Equal(expected, PluralRules.CategoryOf("ar-EG", count));
    }

    [Theory]
    [InlineData(0, PluralCategory.One)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Other)]
    [InlineData(1000, PluralCategory.Other)]
    public void French_puts_zero_with_one(long count, PluralCategory expected)
    {
        Assert.Equal(expected, PluralRules.CategoryOf("fr", count));
        Assert.Equal(expected, PluralRules.CategoryOf("fr-CA", count));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("nl")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("pt-PT")]
    [InlineData("sv")]
    [InlineData(null)]
    public void Other_languages_say_one_for_one_only(string? language)
    {
        Assert.Equal(PluralCategory.Other, PluralRules.CategoryOf(language, 0));
        Assert.Equal(PluralCategory.One, PluralRules.CategoryOf(language, 1));
        Assert.Equal(PluralCategory.Other, PluralRules.CategoryOf(language, 2));
        Assert.Equal([PluralCategory.One, PluralCategory.Other], PluralRules.CategoriesOf(language));
    }

    [Fact]
    public void Negative_counts_take_the_form_of_their_size()
    {
        Assert.Equal(PluralCategory.One, PluralRules.CategoryOf("en", -1));
        Assert.Equal(PluralCategory.Few, PluralRules.CategoryOf("ar", -3));
        Assert.Equal(PluralCategory.Few, PluralRules.CategoryOf("ar", long.MinValue)); // taken as long.MaxValue, which ends in 07
    }
}
