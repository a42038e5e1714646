using System.Security.Claims;

using Gazette.Accounts;
using Gazette.Articles;

namespace Gazette.Admin.Stories;

/// <summary>What a story's workflow buttons do.</summary>
public enum StoryAction
{
    Save,
    Submit,
    Publish,
    Schedule,
    Unpublish,
}

/// <summary>
/// Who may do what to a story, checked on the server for every request (the buttons a page shows come from here too):
/// contributors and authors work on their own stories; contributors only before publication and never publish;
/// authors publish, schedule and unpublish their own; editors and administrators do everything to every story.
/// </summary>
public sealed class StoryRights(ClaimsPrincipal user, string userId)
{
    public string UserId { get; } = userId;

    public bool EditsAll { get; } = user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Administrator);

    public bool Publishes { get; } = user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Author);

    public bool IsOwn(Article article) => article.CreatedByUserId == UserId;

    public bool CanOpen(Article article) => EditsAll || IsOwn(article);

    /// <summary>A contributor's story is theirs to change only until it goes out (or is scheduled to).</summary>
    public bool CanChange(Article article) =>
        CanOpen(article) && (Publishes || article.Status is ArticleStatus.Draft or ArticleStatus.InReview);

    public bool Allows(StoryAction action, Article article) => CanChange(article) && action switch
    {
        StoryAction.Save or StoryAction.Submit => true,
        StoryAction.Publish or StoryAction.Schedule or StoryAction.Unpublish => Publishes,
        _ => false,
    };

    public bool CanDelete(Article article) => CanChange(article);
}
