namespace Gazette.Articles;

/// <summary>What a story's workflow buttons (and the admin API's verbs) do.</summary>
public enum ArticleAction
{
    Save,
    Submit,
    Publish,
    Schedule,
    Unpublish,
}

/// <summary>What a workflow step did: the words its revision records, or that it was refused and changed nothing.</summary>
public readonly record struct ArticleStep(string Revision, bool Refused = false);

/// <summary>
/// The status changes of a story, said once for the editor page and the admin API: who may take a step is
/// <see cref="ArticleRights"/>'s question, asked before; this only moves the story (nothing is saved here).
/// </summary>
public static class ArticleWorkflow
{
    /// <summary>
    /// Moves <paramref name="article"/> by <paramref name="action"/> at <paramref name="now"/> (UTC). Scheduling needs
    /// <paramref name="publishAt"/> (UTC) after now, else the step is refused and the story left as it was: a time
    /// already gone would publish at once, which is what Publish is for.
    /// </summary>
    public static ArticleStep Apply(Article article, ArticleAction action, DateTime? publishAt, DateTime now)
    {
        switch (action)
        {
            case ArticleAction.Submit:
                article.Status = ArticleStatus.InReview;
                return new("submitted for review");
            case ArticleAction.Publish:
                article.Status = ArticleStatus.Published;
                // A story published before keeps its date (and so its URL); a new or scheduled one goes out now.
                if (article.PublishedAt is not { } published || published > now)
                    article.PublishedAt = now;
                return new("published");
            case ArticleAction.Schedule:
                if (publishAt is not { } at || at <= now)
                    return new("scheduled", Refused: true);
                article.Status = ArticleStatus.Scheduled;
                article.PublishedAt = at;
                return new("scheduled");
            case ArticleAction.Unpublish:
                article.Status = ArticleStatus.Unpublished;
                return new("unpublished");
            default:
                return new(article.Id == 0 ? "created" : "saved");
        }
    }
}
