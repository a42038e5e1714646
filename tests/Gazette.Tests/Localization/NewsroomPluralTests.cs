using Gazette.Localization;

namespace Gazette.Tests.Localization;

/// <summary>Newsroom counts take the form each language's CLDR plural rules give them, not a one/many choice.</summary>
public sealed class NewsroomPluralTests
{
    [Theory]
    [InlineData(0, "لا مقالات")]
    [InlineData(1, "مقال واحد")]
    [InlineData(2, "مقالان")]
    [InlineData(3, "3 مقالات")]
    [InlineData(11, "11 مقالًا")]
    [InlineData(100, "100 مقال")]
    [InlineData(103, "103 مقالات")]
    public void Arabic_story_counts_take_all_six_forms(long count, string expected) =>
        Assert.Equal(expected, NewsroomLabels.For("ar").Plural("StoryCount", count));

    [Theory]
    [InlineData(0, "لم يُمحَ أي تعليق لـsami@example.org.")]
    [InlineData(2, "مُحي تعليقان لـsami@example.org.")]
    [InlineData(3, "مُحيت 3 تعليقات لـsami@example.org.")]
    [InlineData(11, "مُحي 11 تعليقًا لـsami@example.org.")]
    public void Further_arguments_follow_the_count(long count, string expected) =>
        Assert.Equal(expected, NewsroomLabels.For("ar").Plural("Erased", count, "sami@example.org"));

    [Theory]
    [InlineData(0, "0 article")]
    [InlineData(1, "1 article")]
    [InlineData(2, "2 articles")]
    public void French_puts_zero_with_one(long count, string expected) =>
        Assert.Equal(expected, NewsroomLabels.For("fr").Plural("StoryCount", count));

    [Theory]
    [InlineData(0, "0 stories")]
    [InlineData(1, "1 story")]
    [InlineData(1500, "1,500 stories")]
    public void English_says_one_for_one_only(long count, string expected) =>
        Assert.Equal(expected, NewsroomLabels.For("en").Plural("StoryCount", count));

    [Fact]
    public void The_form_alone_lets_markup_carry_the_count()
    {
        Assert.Equal("{0} تعليقات بانتظار الإشراف", NewsroomLabels.For("ar").PluralPattern("CommentsAwait", 5));
        Assert.Equal("{0} commentaire attend la modération", NewsroomLabels.For("fr").PluralPattern("CommentsAwait", 0));
    }
}
