using Gazette.Localization;
using Gazette.Media;

namespace Gazette.Articles;

/// <summary>
/// What Articles/_Article.cshtml needs to show a story: the public article page and the newsroom's preview both
/// render through it, so a preview is the page readers will get.
/// </summary>
/// <param name="Comments">The story's comments and form; null in the newsroom's preview.</param>
/// <param name="Related">The "read also" list under the story; null or empty shows none (the preview has none).</param>
/// <param name="LeadMedia">The library image behind the lead figure, for its responsive variants; null for a plain image URL.</param>
public sealed record ArticleView(Article Article, string BodyHtml, Labels Labels, TimeZoneInfo TimeZone, IReadOnlyList<ShareLink> ShareLinks,
    MediaItem? LeadMedia = null, Comments.CommentSection? Comments = null, IReadOnlyList<ArticleSummary>? Related = null)
{
    /// <summary>Shown when the story changed after it went public (a minute of grace for the publishing save itself).</summary>
    public bool ShowUpdated => Article.PublishedAt is { } published && Article.UpdatedAt > published.AddMinutes(1);
}
