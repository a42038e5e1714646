using Gazette.Text.Spam;

namespace Gazette.Tests.Spam;

public sealed class SpamCuesTests
{
    [Theory]
    [InlineData("c h e c k my channel", "check my channel")]
    [InlineData("visit mysite . com/free", "visit mysite.com/free")]
    [InlineData("go to mysite dot com", "go to mysite.com")]
    [InlineData("I am a big fan", "I am a big fan")]
    public void Undoes_spaced_letters_and_spaced_dots(string text, string expected) =>
        Assert.Equal(expected, SpamCues.Undisguise(text));

    [Fact]
    public void Names_self_promotion_in_words_a_moderator_reads()
    {
        var cues = SpamCues.Of(["please", "subscribe", "to", "my", "new", "playlist"], "please subscribe to my new playlist").ToList();

        Assert.Contains("\"my\" before a word like \"channel\", \"video\" or \"music\"", cues);
        Assert.Contains("asks to check, follow or subscribe to the writer", cues);
        Assert.Contains("a word like \"subscribe\"", cues);
    }

    [Theory]
    [InlineData("Win a free prize at http://example.com", "offers money, a prize or something free")]
    [InlineData("Win a free prize at http://example.com", "an offer with a link")]
    [InlineData("Visit http://example.com now", "starts with a request and gives a link")]
    [InlineData("Take a look at this video on YouTube", "asks to check out a video, song or channel")]
    [InlineData("If I get 100 subscribers I will post a new song", "promises something for reaching a number (\"if I get 100 subscribers\")")]
    [InlineData("Hi! My name is Sam and I sing", "the writer introduces themselves (\"my name is\", \"I'm a rapper\")")]
    [InlineData("great song. I’m a rapper with 2000 fans", "the writer introduces themselves (\"my name is\", \"I'm a rapper\")")]
    [InlineData("we are 17 year old twins who sing", "the writer introduces themselves (\"my name is\", \"I'm a rapper\")")]
    [InlineData("Search \"Some Band - Some Song\" thanks", "asks to search for a quoted name")]
    public void Names_general_patterns_of_self_promotion(string text, string expected) =>
        Assert.Contains(expected, CuesOf(text));

    [Theory]
    [InlineData("I am a teacher and I agree with the mayor.")]
    [InlineData("If the council gets 100 letters it must answer.")]
    [InlineData("I'm a a a a big fan of this singer")]
    [InlineData("The free concert was moved to Sunday.")]
    public void Leaves_ordinary_sentences_without_those_cues(string text)
    {
        var cues = CuesOf(text);

        Assert.DoesNotContain(cues, c => c.StartsWith("the writer introduces", StringComparison.Ordinal));
        Assert.DoesNotContain(cues, c => c.StartsWith("promises something", StringComparison.Ordinal));
        Assert.DoesNotContain("an offer with a link", cues);
    }

    [Theory]
    [InlineData("more at http://bit.ly/abc123", "a shortened link")]
    [InlineData("more at http://bit.ly/abc123", "a link to a .ly site")]
    [InlineData("buy it at http://shop.example.com/item/42?ref=me", "a link with a referral code")]
    [InlineData("buy it at http://shop.example.com/item/42?ref=me", "a link deep inside a site")]
    [InlineData("see www.example.org", "a link to a home page")]
    [InlineData("see www.example.org/about", "a link to a page")]
    public void Describes_the_shape_of_links(string text, string expected)
    {
        var features = new List<SpamFeature>();
        var descriptions = new List<string>();

        SpamFeatures.Extract(text, null, SpamModel.DefaultHashBits, features, descriptions);

        Assert.Contains(expected, descriptions);
    }

    [Fact]
    public void Finds_nothing_in_a_plain_reader_comment() =>
        Assert.Empty(SpamCues.Of(["the", "mayor", "spoke", "for", "an", "hour"], "The mayor spoke for an hour."));

    /// <summary>The cues of a text, with its words taken the way <see cref="SpamFeatures"/> takes them.</summary>
    private static List<string> CuesOf(string text)
    {
        var features = new List<SpamFeature>();
        var descriptions = new List<string>();
        SpamFeatures.Extract(text, null, SpamModel.DefaultHashBits, features, descriptions);
        return [.. descriptions.Distinct()];
    }

    [Fact]
    public void Calibration_of_perfectly_separated_scores_keeps_a_finite_slope()
    {
        double[] scores = [-3, -2, -1, 1, 2, 3];
        bool[] labels = [false, false, false, true, true, true];

        var (slope, intercept) = SpamCalibration.Fit(scores, labels);

        Assert.InRange(slope, 0.1, 20);
        Assert.InRange(intercept, -1, 1);
    }
}
