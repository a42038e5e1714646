using Gazette.Articles;

namespace Gazette.Tests.Articles;

/// <summary>The status moves of <see cref="ArticleWorkflow"/>, without a site: what each step does to a story, and when it refuses.</summary>
public sealed class ArticleWorkflowTests
{
    private static readonly DateTime Now = new(2030, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    private static Article Draft(int id = 7) => new() { Id = id, Headline = "A draft", Status = ArticleStatus.Draft };

    [Theory]
    [InlineData(ArticleAction.Save, ArticleStatus.Draft, "saved")]
    [InlineData(ArticleAction.Submit, ArticleStatus.InReview, "submitted for review")]
    [InlineData(ArticleAction.Publish, ArticleStatus.Published, "published")]
    [InlineData(ArticleAction.Unpublish, ArticleStatus.Unpublished, "unpublished")]
    public void Each_step_moves_a_draft_and_names_its_revision(ArticleAction action, ArticleStatus status, string revision)
    {
        var article = Draft();

        var step = ArticleWorkflow.Apply(article, action, publishAt: null, Now);

        Assert.False(step.Refused);
        Assert.Equal(revision, step.Revision);
        Assert.Equal(status, article.Status);
    }

    [Fact]
    public void Saving_a_story_not_yet_stored_is_its_creation()
    {
        var article = Draft(id: 0);

        Assert.Equal("created", ArticleWorkflow.Apply(article, ArticleAction.Save, null, Now).Revision);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.PublishedAt);
    }

    [Fact]
    public void Publishing_a_new_story_dates_it_now()
    {
        var article = Draft();

        ArticleWorkflow.Apply(article, ArticleAction.Publish, null, Now);

        Assert.Equal(Now, article.PublishedAt);
    }

    [Fact]
    public void Publishing_again_keeps_the_first_date_so_the_address_stays()
    {
        var first = Now.AddDays(-20);
        var article = new Article { Id = 7, Headline = "Back", Status = ArticleStatus.Unpublished, PublishedAt = first };

        ArticleWorkflow.Apply(article, ArticleAction.Publish, null, Now);

        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(first, article.PublishedAt);
    }

    [Fact]
    public void Publishing_a_scheduled_story_brings_it_forward_to_now()
    {
        var article = new Article { Id = 7, Headline = "Early", Status = ArticleStatus.Scheduled, PublishedAt = Now.AddDays(2) };

        ArticleWorkflow.Apply(article, ArticleAction.Publish, Now.AddDays(5), Now);

        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(Now, article.PublishedAt);
    }

    [Fact]
    public void Scheduling_in_the_future_sets_the_publication_time()
    {
        var article = Draft();
        var at = Now.AddMinutes(1);

        var step = ArticleWorkflow.Apply(article, ArticleAction.Schedule, at, Now);

        Assert.False(step.Refused);
        Assert.Equal("scheduled", step.Revision);
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        Assert.Equal(at, article.PublishedAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-60 * 24 * 365)]
    [InlineData(null)]
    public void Scheduling_now_in_the_past_or_without_a_time_is_refused_and_changes_nothing(int? minutesFromNow)
    {
        var published = Now.AddDays(-3);
        var article = new Article { Id = 7, Headline = "Out", Status = ArticleStatus.Published, PublishedAt = published };

        var step = ArticleWorkflow.Apply(article, ArticleAction.Schedule, minutesFromNow is { } m ? Now.AddMinutes(m) : null, Now);

        Assert.True(step.Refused);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(published, article.PublishedAt);
    }

    [Fact]
    public void Unpublishing_keeps_the_date_for_a_later_republication()
    {
        var published = Now.AddDays(-3);
        var article = new Article { Id = 7, Headline = "Out", Status = ArticleStatus.Published, PublishedAt = published };

        ArticleWorkflow.Apply(article, ArticleAction.Unpublish, null, Now);

        Assert.Equal(ArticleStatus.Unpublished, article.Status);
        Assert.Equal(published, article.PublishedAt);
    }
}
