using System.Security.Claims;

using Gazette.Accounts;

namespace Gazette.Articles;

/// <summary>
/// Who may do what to a story, checked on the server for every request (the buttons a page shows come from here too):
/// contributors and authors work on their own stories; contributors only before publication and never publish;
/// authors publish, schedule and unpublish their own; editors and administrators do everything to every story.
/// The editor page and the admin API both ask here, so a token can do no more than its owner could in the browser.
/// </summary>
public sealed class ArticleRights(ClaimsPrincipal user, string userId)
{
    public string UserId { get; } = userId;

    public bool EditsAll { get; } = user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Administrator);

    public bool Publishes { get; } = user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Author);

    public bool IsOwn(Article article) => article.CreatedByUserId == UserId;

    public bool CanOpen(Article article) => EditsAll || IsOwn(article);

    /// <summary>A contributor's story is theirs to change only until it goes out (or is scheduled to).</summary>
    public bool CanChange(Article article) =>
        CanOpen(article) && (Publishes || article.Status is ArticleStatus.Draft or ArticleStatus.InReview);

    public bool Allows(ArticleAction action, Article article) => CanChange(article) && action switch
    {
        ArticleAction.Save or ArticleAction.Submit => true,
        ArticleAction.Publish or ArticleAction.Schedule or ArticleAction.Unpublish => Publishes,
        _ => false,
    };

    /// <summary>
    /// What may be done to a story not yet written: everyone starts one and may submit it; publishers may also publish
    /// or schedule it at once; nothing unsaved can be unpublished.
    /// </summary>
    public bool AllowsNew(ArticleAction action) => action switch
    {
        ArticleAction.Save or ArticleAction.Submit => true,
        ArticleAction.Publish or ArticleAction.Schedule => Publishes,
        _ => false,
    };

    public bool CanDelete(Article article) => CanChange(article);
}
