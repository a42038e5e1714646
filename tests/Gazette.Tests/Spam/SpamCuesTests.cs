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

    [Fact]
    public void Finds_nothing_in_a_plain_reader_comment() =>
        Assert.Empty(SpamCues.Of(["the", "mayor", "spoke", "for", "an", "hour"], "The mayor spoke for an hour."));

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
