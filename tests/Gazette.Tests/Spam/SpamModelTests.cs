using Gazette.Text.Spam;

namespace Gazette.Tests.Spam;

public sealed class SpamModelTests
{
    private static readonly string[] SpamTexts =
    [
        "Check out my channel and subscribe please!!!", "subscribe to my channel for free gift cards",
        "WIN A FREE PRIZE NOW call 0800 123 4567", "Visit www.cheap-pills.example.com for cheap pills",
        "check out my new video http://example.com/watch now", "free money!!! click http://win.example.net",
        "Please subscribe, I upload every day, check my channel", "Earn $500 a day from home, visit bestjobs.com",
        "sub to me and I sub back!!!", "Get free followers now at followers.com",
        "Congratulations you won a free iPhone, text WIN to 80082", "check out my music channel, like and subscribe",
    ];

    private static readonly string[] HamTexts =
    [
        "The mayor's answer to the council was vague.", "Great reporting, thank you for the detail on the budget.",
        "I disagree with the second paragraph: the figures are from last year.", "My town had the same flooding in 2019.",
        "Interesting interview, the coach sounds tired.", "Which school district does this cover?",
        "The photo caption names the wrong bridge.", "Good to see the library reopening at last.",
        "This song reminds me of my childhood summers.", "I listened to the whole debate on the radio.",
        "The article is clear and well sourced.", "Will there be a follow-up on the hospital waiting lists?",
    ];

    private static SpamModel TrainSmallModel() => SpamModel.Train(
        SpamTexts.Select(t => new LabeledText(t, true)).Concat(HamTexts.Select(t => new LabeledText(t, false))),
        new SpamTrainingOptions(Folds: 3));

    [Fact]
    public void Learns_a_small_synthetic_set()
    {
        var model = TrainSmallModel();

        Assert.True(model.Probability("subscribe to my channel, check out my videos!!!") > model.Probability("The council vote is on Tuesday."));
        Assert.InRange(model.Probability("free prize, call now"), 0.5, 1);
        Assert.InRange(model.Probability("Thank you for the careful reporting on the council."), 0, 0.5);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [InlineData("&lt;b&gt; &#39; <br /> \uFEFF\u200B")]
    [InlineData("http://a.com http://b.com http://c.com www.d.com")]
    public void Scores_are_probabilities(string text)
    {
        var verdict = TrainSmallModel().Score(text, "someone123");

        Assert.InRange(verdict.Probability, 0, 1);
    }

    [Fact]
    public void Explains_a_spammy_text_with_readable_reasons()
    {
        var verdict = TrainSmallModel().Score("Subscribe to my channel!!! http://example.com/watch");

        Assert.True(verdict.IsSpam);
        Assert.NotEmpty(verdict.Reasons);
        Assert.All(verdict.Reasons, reason => Assert.True(reason.Contribution > 0));
        Assert.Contains(verdict.Reasons, reason => reason.Description.Contains("subscribe") || reason.Description.Contains("link"));
    }

    [Fact]
    public void Learn_moves_the_score_towards_the_moderators_label()
    {
        var model = TrainSmallModel();
        const string text = "Join our fan club on the forum for the next concert";
        var before = model.Probability(text);

        model.Learn(text, isSpam: true);
        var afterSpam = model.Probability(text);
        model.Learn(text, isSpam: false);
        model.Learn(text, isSpam: false);

        Assert.True(afterSpam > before);
        Assert.True(model.Probability(text) < afterSpam);
    }

    [Fact]
    public void Training_is_deterministic_and_survives_save_and_load()
    {
        var first = TrainSmallModel();
        var second = TrainSmallModel();
        using var stream = new MemoryStream();
        first.Save(stream);
        stream.Position = 0;
        var loaded = SpamModel.Load(stream);

        const string text = "check out my channel for free gift cards";
        Assert.Equal(first.Probability(text), second.Probability(text));
        Assert.Equal(first.Threshold, loaded.Threshold);
        Assert.Equal(first.Probability(text), loaded.Probability(text), 6);
    }

    [Fact]
    public void Load_rejects_a_file_that_is_not_a_model()
    {
        using var stream = new MemoryStream("not a model"u8.ToArray());

        Assert.ThrowsAny<InvalidDataException>(() => SpamModel.Load(stream));
    }

    [Fact]
    public void The_shipped_model_tells_self_promotion_from_a_reader_comment()
    {
        var model = SpamModel.LoadShipped();

        var spam = model.Score("Hey guys check out my new channel and please subscribe!!! http://www.youtube.com/user/someone");
        var ham = model.Score("I read the whole piece; the part about the budget vote was the clearest I have seen.");

        Assert.True(spam.IsSpam);
        Assert.NotEmpty(spam.Reasons);
        Assert.False(ham.IsSpam);
    }

    [Theory]
    [InlineData("Please c h e c k out my music channel, I sub back!")]
    [InlineData("Follow me on instagram @someone_2015 and like my page")]
    [InlineData("If I get 100 subscribers I will post a new video every day, subscribe!")]
    public void The_shipped_model_sees_through_new_wordings_of_self_promotion(string text)
    {
        var verdict = SpamModel.LoadShipped().Score(text);

        Assert.True(verdict.IsSpam, $"{verdict.Probability:0.000}");
        Assert.All(verdict.Reasons, reason => Assert.DoesNotContain('#', reason.Description));
    }
}
