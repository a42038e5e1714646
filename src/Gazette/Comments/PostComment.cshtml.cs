using Gazette.Articles;
using Gazette.Localization;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Gazette.Comments;

/// <summary>
/// Where the comment form posts. Success redirects back to the story (to the comment, or to a "waits for moderation"
/// notice); a refusal shows the form again with the reader's text and a fresh token. The signed single-use form
/// token stands in for the antiforgery token, which would tie every story page to a cookie and keep it out of caches.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(CommentRateLimits.PolicyName)]
public sealed class PostCommentModel(CommentPosting posting, CommentFormTokens tokens, SiteContext site) : GazettePageModel(site)
{
    [BindProperty]
    public CommentInput Form { get; set; } = new();

    public Article? Article { get; private set; }
    public Labels Labels { get; private set; } = null!;
    public CommentFormView? FormView { get; private set; }
    public string Message { get; private set; } = "";

    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? lang, CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        var outcome = await posting.PostAsync(Form, lang, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        if (outcome.Comment is { } comment && outcome.Article is { } story)
        {
            var path = Addresses.Story(story, Site.TimeZone);
            return Redirect(comment.Status == CommentStatus.Approved ? Addresses.Comment(path, comment.Id) : $"{path}?comment=held#comments");
        }

        Article = outcome.Article;
        Labels = outcome.Labels;
        Response.StatusCode = outcome.StatusCode;
        Message = outcome.Errors.TryGetValue("", out var general) ? general : Labels["CommentNotSent"];
        if (Article is { } article && outcome.StatusCode != StatusCodes.Status403Forbidden)
        {
            Form.Token = null;
            Form.Extra = null;
            if (Message == Labels["CommentReplyInvalid"])
                Form.ParentId = null;
            var errors = outcome.Errors.Where(e => e.Key.Length > 0).ToDictionary();
            FormView = new CommentFormView(article.Id, Addresses.Story(article, Site.TimeZone), Labels, tokens.Issue(article.Id),
                Site.Settings.CommentIpRetentionDays, Form, null, errors);
        }
        SetMeta(new PageMeta { Title = $"{Labels["CommentNotSentTitle"]} – {Site.Settings.Title}", Language = Labels.Culture.Name, NoIndex = true });
        return Page();
    }
}
