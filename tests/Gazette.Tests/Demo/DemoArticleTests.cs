using Gazette.Demo;

namespace Gazette.Tests.Demo;

public sealed class DemoArticleTests
{
    private const string Valid = """
        ---
        headline: Un titre
        standfirst: Un chapeau.
        language: fr
        section: region
        tags: Villemont, patrimoine
        authors: claire-vasseur, oliver-penrose
        published: -2d 08:15
        ---
        Premier paragraphe.

        [[read-also: autre-histoire]]
        """;

    [Fact]
    public void A_story_file_gives_its_fields_and_its_read_also_targets()
    {
        var story = DemoArticle.Parse("x.md", Valid);

        Assert.Equal("Un titre", story.Headline);
        Assert.Equal("un-titre", story.Slug);
        Assert.Equal(["Villemont", "patrimoine"], story.Tags);
        Assert.Equal(["claire-vasseur", "oliver-penrose"], story.Authors);
        Assert.Equal(new DemoTime(-2, new TimeSpan(8, 15, 0)), story.Published);
        Assert.Equal(["autre-histoire"], story.ReadAlsoSlugs);
        Assert.False(story.Scheduled);
    }

    [Theory]
    [InlineData("headline: Un titre", "colour: bleu", "line 2: unknown key 'colour'")]
    [InlineData("published: -2d 08:15", "published: hier", "line 8: 'published' must look like")]
    [InlineData("language: fr\n", "", "line 8: 'language' is missing")]
    [InlineData("section: region", "section: region\nsection: culture", "line 6: 'section' is given twice")]
    [InlineData("---\nUn titre", "Un titre", "line 1: a demo story starts with")]
    public void A_malformed_story_file_throws_with_its_name_and_line(string replace, string with, string expected)
    {
        var text = replace.StartsWith("---", StringComparison.Ordinal)
            ? "headline: Un titre\n" + Valid[(Valid.IndexOf('\n') + 1)..]
            : Valid.Replace(replace, with, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => DemoArticle.Parse("bad.md", text));

        Assert.Contains("bad.md", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_stories_parse_and_link_only_to_each_other()
    {
        var stories = DemoContent.Stories();

        Assert.Equal(7, stories.Count(s => s.Language == "fr" && !s.Scheduled));
        Assert.Equal(5, stories.Count(s => s.Language == "en"));
        // Read-also targets come first, so they exist when the story naming them is saved.
        for (var i = 0; i < stories.Count; i++)
            Assert.All(stories[i].ReadAlsoSlugs, slug => Assert.Contains(stories.Take(i), s => s.Slug == slug));
    }

    [Fact]
    public void A_story_set_later_today_went_out_yesterday_and_an_update_is_never_in_the_future()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var now = new DateTime(2025, 3, 12, 5, 0, 0, DateTimeKind.Utc); // 06:00 in Paris
        var story = DemoArticle.Parse("x.md", Valid.Replace("-2d 08:15", "-0d 06:45\nupdated: -0d 11:30", StringComparison.Ordinal));

        var (published, updated) = DemoContent.Times(story, now, paris);

        Assert.Equal(new DateTime(2025, 3, 11, 5, 45, 0, DateTimeKind.Utc), published);
        Assert.Equal(new DateTime(2025, 3, 11, 10, 30, 0, DateTimeKind.Utc), updated);

        var (laterPublished, laterUpdated) = DemoContent.Times(story, now.AddHours(3), paris); // 09:00 in Paris
        Assert.Equal(new DateTime(2025, 3, 12, 5, 45, 0, DateTimeKind.Utc), laterPublished);
        Assert.Equal(now.AddHours(3), laterUpdated);
    }

    [Fact]
    public void The_frame_header_gives_a_jpeg_its_size()
    {
        using var stream = typeof(DemoContent).Assembly.GetManifestResourceStream("Gazette.Demo.images.harbour.jpg")!;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);

        Assert.Equal((1600, 900), JpegSize.Read(bytes.ToArray()));
        Assert.Null(JpegSize.Read([0x89, 0x50, 0x4E, 0x47]));
    }
}
