using System.Globalization;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Authors;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Related;
using Gazette.Sections;
using Gazette.Site;
using Gazette.Tags;

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Articles;

/// <summary>
/// Writing a story and moving it through the workflow. One form, several submit buttons (save, submit, publish,
/// schedule, unpublish); each is checked against <see cref="ArticleRights"/> here, whatever the page showed, and
/// carried out by <see cref="ArticleWorkflow"/>, as the admin API's are.
/// </summary>
public sealed class EditModel(GazetteDb db, ArticleEditor editor, SiteContext siteContext, UserManager<GazetteUser> users, TimeProvider clock)
    : PageModel
{
    public const string NewId = "new";

    [BindProperty]
    public ArticleForm Form { get; set; } = new();

    public Article? Story { get; private set; }
    public NewsroomUser Me { get; private set; } = null!;
    public SiteContext.Snapshot Site { get; private set; } = null!;
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public IReadOnlyList<Author> Authors { get; private set; } = [];
    public string? Notice { get; private set; }
    public IHtmlContent? ConflictDiff { get; private set; }
    public string? ConflictBy { get; private set; }
    public string? PublicPath { get; private set; }

    /// <summary>Set when the editor asked for tag suggestions (the "Suggest tags" button re-renders the form with them).</summary>
    public IReadOnlyList<TagSuggestion>? SuggestedTags { get; private set; }

    public bool IsNew => Story is null || Story.Id == 0;
    public bool ReadOnly => Story is not null && Story.Id != 0 && !Me.Rights.CanChange(Story);
    public bool Shows(ArticleAction action) => Story is null ? Me.Rights.AllowsNew(action) : Me.Rights.Allows(action, Story);

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken cancellationToken)
    {
        await LoadContextAsync(cancellationToken);
        if (id == NewId)
        {
            Form = new ArticleForm { Language = Site.Settings.DefaultLanguage };
            return Page();
        }
        if (await FindAsync(id, cancellationToken) is not { } article)
            return NotFound();
        if (!Me.Rights.CanOpen(article))
            return Forbid();
        Story = article;
        Form = ArticleForm.From(article, await LatestRevisionAsync(article.Id, cancellationToken), Site.TimeZone);
        (Form.RelatedPinned, Form.RelatedExcluded) = await RelatedChoices.FormatAsync(db, article.Id, cancellationToken);
        Notice = done switch
        {
            "saved" => NewsroomLabels.Current["Saved"],
            "submitted" => NewsroomLabels.Current["DoneSubmitted"],
            "published" => NewsroomLabels.Current["DonePublished"],
            "scheduled" => NewsroomLabels.Current["DoneScheduled"],
            "unpublished" => NewsroomLabels.Current["DoneUnpublished"],
            "restored" => NewsroomLabels.Current["DoneRestored"],
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? action, CancellationToken cancellationToken)
    {
        await LoadContextAsync(cancellationToken);
        if (!Enum.TryParse<ArticleAction>(action, ignoreCase: true, out var storyAction))
            storyAction = ArticleAction.Save;

        Article article;
        if (id == NewId)
        {
            article = new Article { Headline = "", CreatedByUserId = Me.Rights.UserId, Status = ArticleStatus.Draft };
            if (!Me.Rights.AllowsNew(storyAction))
                return Forbid();
        }
        else
        {
            if (await FindAsync(id, cancellationToken) is not { } existing)
                return NotFound();
            article = existing;
            if (!Me.Rights.Allows(storyAction, article))
                return Forbid();
        }
        Story = article;

        if (!ModelState.IsValid)
            return Page();
        var (statusBefore, publishedBefore) = (article.Status, article.PublishedAt);
        var errors = (await Form.ToChanges().ApplyToAsync(article, db, createTags: true, cancellationToken))
            .ToDictionary(e => $"Form.{e.Key}", e => e.Value);
        var revision = ApplyAction(article, storyAction, errors);
        var (pinned, pinError) = await RelatedChoices.ResolveAsync(db, Form.RelatedPinned, article.Id, cancellationToken);
        var (excluded, excludeError) = await RelatedChoices.ResolveAsync(db, Form.RelatedExcluded, article.Id, cancellationToken);
        if (pinError is not null)
            errors[$"Form.{nameof(ArticleForm.RelatedPinned)}"] = pinError;
        if (excludeError is not null)
            errors[$"Form.{nameof(ArticleForm.RelatedExcluded)}"] = excludeError;
        foreach (var (field, message) in errors)
            ModelState.AddModelError(field, message);
        if (errors.Count > 0)
            return Refused();

        if (article.Id != 0)
        {
            if (!Guid.TryParse(Form.Version, out var formVersion))
                return BadRequest();
            db.Entry(article).Property(a => a.Version).OriginalValue = formVersion;
        }
        try
        {
            await editor.SaveAsync(article, Me.Editor, revision, cancellationToken);
            await RelatedChoices.ReplaceAsync(db, article.Id, pinned, excluded, cancellationToken);
        }
        catch (ArticleValidationException invalid)
        {
            foreach (var (field, message) in invalid.Errors)
                ModelState.AddModelError(FormField(field), message);
            return Refused();
        }
        catch (DbUpdateConcurrencyException)
        {
            await ShowConflictAsync(article.Id, cancellationToken);
            return Refused();
        }
        return Redirect($"/admin/stories/{article.Id}?done={Done(storyAction)}");

        // Nothing was saved: the page shows the story's real status again, and the form keeps what the user typed.
        IActionResult Refused()
        {
            (article.Status, article.PublishedAt) = (statusBefore, publishedBefore);
            return Page();
        }
    }

    /// <summary>
    /// Suggested tags for the text in the form, saving nothing: JSON for the editor's script, else the form again with
    /// the user's unsaved text and the suggestions (<paramref name="addTag"/>, a suggestion clicked without script, joins the tags).
    /// </summary>
    public async Task<IActionResult> OnPostSuggestTagsAsync(string id, string? addTag, [FromServices] TagSuggestions suggestions,
        CancellationToken cancellationToken)
    {
        await LoadContextAsync(cancellationToken);
        if (id != NewId)
        {
            if (await FindAsync(id, cancellationToken) is not { } article)
                return NotFound();
            if (!Me.Rights.CanOpen(article))
                return Forbid();
            Story = article;
        }
        var tags = TagNames.Split(Form.Tags).ToList();
        if (!string.IsNullOrWhiteSpace(addTag) && !tags.Contains(addTag.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            tags.Add(addTag.Trim());
            Form.Tags = string.Join(", ", tags);
            ModelState.Remove($"Form.{nameof(ArticleForm.Tags)}");
        }
        SuggestedTags = await suggestions.ForAsync(Form.Headline, Form.Body, Form.Language, tags, cancellationToken);
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
            return new JsonResult(SuggestedTags);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        await LoadContextAsync(cancellationToken);
        if (await FindAsync(id, cancellationToken) is not { } article)
            return NotFound();
        if (!Me.Rights.CanDelete(article))
            return Forbid();
        await editor.DeleteAsync(article, Me.Editor, cancellationToken);
        return Redirect("/admin/stories?deleted=" + article.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The workflow step, its schedule read from the form; returns the revision's words, adding any refusal to <paramref name="errors"/>.</summary>
    private string ApplyAction(Article article, ArticleAction action, Dictionary<string, string> errors)
    {
        DateTime? local = null;
        if (action == ArticleAction.Schedule && (local = ParseSchedule(errors)) is null)
            return "scheduled"; // the form names no usable time: refused already, and nothing is saved
        var publishAt = local is { } at ? TimeZoneInfo.ConvertTimeToUtc(at, Site.TimeZone) : (DateTime?)null;
        var step = ArticleWorkflow.Apply(article, action, publishAt, clock.GetUtcNow().UtcDateTime);
        if (step.Refused)
            errors[ScheduleField] = NewsroomLabels.Current.Format("ScheduleInPast", local!.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Site.TimeZone.Id);
        return step.Revision;
    }

    /// <summary>The word the page's redirect carries, for the notice it shows once the story is saved.</summary>
    private static string Done(ArticleAction action) => action switch
    {
        ArticleAction.Submit => "submitted",
        ArticleAction.Publish => "published",
        ArticleAction.Schedule => "scheduled",
        ArticleAction.Unpublish => "unpublished",
        _ => "saved",
    };

    private const string ScheduleField = $"Form.{nameof(ArticleForm.ScheduleDate)}";

    /// <summary>The schedule fields as a time in the site's zone; null with a message when they name no such time.</summary>
    private DateTime? ParseSchedule(Dictionary<string, string> errors)
    {
        if (!DateOnly.TryParseExact(Form.ScheduleDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !TimeOnly.TryParseExact(Form.ScheduleTime?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors[ScheduleField] = NewsroomLabels.Current["ScheduleNeedsDateTime"];
            return null;
        }
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Site.TimeZone.IsInvalidTime(local))
        {
            errors[ScheduleField] = NewsroomLabels.Current.Format("ScheduleTimeSkipped", local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Site.TimeZone.Id);
            return null;
        }
        return local;
    }

    private async Task ShowConflictAsync(int articleId, CancellationToken cancellationToken)
    {
        var revisions = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == articleId && (r.Number == Form.BaseRevision || r.Number > Form.BaseRevision))
            .OrderBy(r => r.Number)
            .ToListAsync(cancellationToken);
        var based = revisions.FirstOrDefault(r => r.Number == Form.BaseRevision);
        var latest = revisions.LastOrDefault();
        ConflictBy = latest is null ? NewsroomLabels.Current["Someone"] : NewsroomLabels.Current.Format("ConflictBy", latest.UserName, latest.Action, latest.Number);
        if (latest is not null)
        {
            ConflictDiff = await RevisionDiff.RenderAsync(db, Site.TimeZone,
                based is null ? new ArticleSnapshot() : ArticleSnapshot.Parse(based.Snapshot),
                ArticleSnapshot.Parse(latest.Snapshot), cancellationToken);
        }
        // The form keeps the user's text; it now answers to the current version, so saving again is a deliberate overwrite.
        var current = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => a.Version).FirstOrDefaultAsync(cancellationToken);
        Form.Version = current.ToString();
        Form.BaseRevision = latest?.Number ?? Form.BaseRevision;
        ModelState.Remove($"Form.{nameof(ArticleForm.Version)}");
        ModelState.Remove($"Form.{nameof(ArticleForm.BaseRevision)}");
    }

    private async Task LoadContextAsync(CancellationToken cancellationToken)
    {
        Me = await NewsroomUser.OfAsync(User, users, db, cancellationToken);
        Site = await siteContext.GetAsync(cancellationToken);
        Sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        Authors = await db.Authors.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
    }

    private async Task<Article?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var articleId))
            return null;
        var article = await db.Articles
            .Include(a => a.Tags)
            .Include(a => a.Authors)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is not null)
            PublicPath = article.IsPublic(clock.GetUtcNow().UtcDateTime) ? Addresses.Story(article, Site.TimeZone) : null;
        return article;
    }

    private async Task<int> LatestRevisionAsync(int articleId, CancellationToken cancellationToken) =>
        await db.ArticleRevisions.Where(r => r.ArticleId == articleId).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;

    private static string FormField(string articleField) => articleField switch
    {
        nameof(Article.Headline) or nameof(Article.SecondHeadline) or nameof(Article.Standfirst) or nameof(Article.Language) or nameof(Article.Slug)
            => $"Form.{articleField}",
        nameof(Article.PublishedAt) => $"Form.{nameof(ArticleForm.ScheduleDate)}",
        "FeaturedFigure.AltText" => $"Form.{nameof(ArticleForm.FigureAlt)}",
        _ => "",
    };
}
