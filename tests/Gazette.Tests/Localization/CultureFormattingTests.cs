using Gazette.Articles;
using Gazette.Localization;

namespace Gazette.Tests.Localization;

/// <summary>Counts, numbers and dates as each interface language writes them.</summary>
public class CultureFormattingTests
{
    [Theory]
    [InlineData(0, "لا تعليقات")]
    [InlineData(1, "تعليق واحد")]
    [InlineData(2, "تعليقان")]
    [InlineData(3, "3 تعليقات")]
    [InlineData(11, "11 تعليقًا")]
    [InlineData(100, "100 تعليق")]
    [InlineData(5000, "5,000 تعليق")]
    public void Arabic_counts_take_their_six_forms_with_latin_digits(long count, string expected) =>
        Assert.Equal(expected, Labels.For("ar").Plural("CommentCount", count));

    [Theory]
    [InlineData(0, "0 commentaire")]
    [InlineData(1, "1 commentaire")]
    [InlineData(2, "2 commentaires")]
    [InlineData(5000, "5\u202f000 commentaires")]
    public void French_counts_put_zero_in_the_singular(long count, string expected) =>
        Assert.Equal(expected, Labels.For("fr").Plural("CommentCount", count));

    [Theory]
    [InlineData("en", 1, "1 result")]
    [InlineData("en", 0, "0 results")]
    [InlineData("de", 1, "1 Ergebnis")]
    [InlineData("de", 2, "2 Ergebnisse")]
    [InlineData("nl", 2, "2 resultaten")]
    [InlineData("es", 1, "1 resultado")]
    [InlineData("it", 2, "2 risultati")]
    [InlineData("ar", 2, "نتيجتان")]
    public void Search_result_counts_follow_the_language(string language, long count, string expected) =>
        Assert.Equal(expected, Labels.For(language).Plural("SearchResultCount", count));

    [Theory]
    [InlineData("en", "15 June 2023, 11:48")]
    [InlineData("fr", "15 juin 2023 à 11:48")]
    [InlineData("nl", "15 juni 2023 om 11:48")]
    [InlineData("de", "15. Juni 2023, 11:48 Uhr")]
    [InlineData("es", "15 de junio de 2023, 11:48")]
    [InlineData("it", "15 giugno 2023, ore 11:48")]
    [InlineData("ar", "15 يونيو 2023، 11:48")]
    public void Dates_are_written_in_the_page_language_in_the_site_zone(string language, string expected)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var utc = new DateTime(2023, 6, 15, 9, 48, 0, DateTimeKind.Utc);

        Assert.Equal(expected, ArticleDates.DateAndTime(utc, paris, Labels.For(language)));
    }

    [Fact]
    public void Arabic_pages_use_latin_digits_the_gregorian_calendar_and_the_separators_that_go_with_them()
    {
        var culture = Labels.For("ar").Culture;

        Assert.Equal("ar", culture.Name);
        Assert.True(culture.TextInfo.IsRightToLeft);
        Assert.IsType<System.Globalization.GregorianCalendar>(culture.Calendar);
        Assert.Equal("12,345.5", 12345.5.ToString("N1", culture));
        Assert.Equal("rtl", Labels.For("ar").Direction);
        Assert.Equal("ltr", Labels.For("fr").Direction);
    }

    [Fact]
    public void Names_in_a_sentence_are_encoded_and_isolated()
    {
        var html = Labels.For("en").FormatIsolated("CommentReplyingTo", "<b>سارة</b>").Value;

        Assert.Equal("Reply to <bdi>&lt;b&gt;سارة&lt;/b&gt;</bdi>", html);
    }
}
