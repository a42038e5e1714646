using System.Security.Claims;

using Gazette.Accounts;
using Gazette.Admin;
using Gazette.Articles;
using Gazette.Data;
using Gazette.Media;
using Gazette.Site;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Api;

public sealed record FigureInput(string? Url, int? MediaId, string? Alt, string? Caption, string? Credit);

/// <summary>
/// A story as a client sends it. On update every field is replaced, and <c>Version</c> must be the one read;
/// <c>CommentsOpen</c> left out keeps the story's switch as it is (open for a new story).
/// </summary>
public sealed record ArticleInput(
    string? Headline, string? SecondHeadline, string? Standfirst, string? Body, string? Slug, string? Language,
    int? SectionId, IReadOnlyList<string>? Tags, IReadOnlyList<int>? AuthorIds, FigureInput? Figure, Guid? TranslationGroup, Guid? Version,
    bool? CommentsOpen = null);

/// <summary>A workflow step: the version read, and for scheduling the UTC instant of publication.</summary>
public sealed record ArticleActionInput(Guid? Version, DateTimeOffset? PublishAt);

/// <summary>A story as the admin API shows it to someone who may open it: its status and version too.</summary>
public sealed record AdminArticle(ApiArticle Story, string Status, Guid Version, string BodyMarkdown, bool CommentsOpen);

/// <summary>
/// The admin API under <c>/api/v1/admin</c>, for bearer tokens only. Every write goes through the same
/// <see cref="ArticleChanges"/>, <see cref="ArticleRights"/>, <see cref="ArticleWorkflow"/>, <see cref="ArticleEditor"/>
/// and <see cref="MediaLibrary"/> as the admin pages, so the rules cannot drift apart.
/// </summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin").RequireAuthorization(ApiTokenAuthentication.Policy).DisableAntiforgery().WithTags("Admin");
        api.MapGet("/stories/{id:int}", GetAsync).WithSummary("A story of any status that the token's owner may open")
            .Produces<AdminArticle>().ProducesProblem(404);
        api.MapPost("/stories", CreateAsync).WithSummary("Create a draft")
            .Produces<AdminArticle>(201).ProducesValidationProblem();
        api.MapPut("/stories/{id:int}", UpdateAsync).WithSummary("Replace a story's content; version must be the one last read (409 otherwise)")
            .Produces<AdminArticle>().ProducesValidationProblem().ProducesProblem(409).ProducesProblem(403);
        api.MapPost("/stories/{id:int}/{action:regex(^(submit|publish|schedule|unpublish)$)}", ActAsync)
            .WithSummary("Submit for review, publish, schedule (publishAt) or unpublish")
            .Produces<AdminArticle>().ProducesValidationProblem().ProducesProblem(409).ProducesProblem(403);
        api.MapDelete("/stories/{id:int}", DeleteAsync).WithSummary("Move a story to the trash (restorable for 30 days)")
            .Produces(204).ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/media", UploadAsync).WithSummary("Upload an image (multipart: file, alt, caption, credit)")
            .Accepts<IFormFile>("multipart/form-data").Produces<MediaApi.MediaChoice>(201).ProducesValidationProblem();
        return api;
    }

    private sealed record Context(GazetteDb Db, ArticleEditor Editor, NewsroomUser Me, SiteContext.Snapshot Site, TimeProvider Clock, HttpRequest Request);

    private static async Task<Context> ContextAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<GazetteDb>();
        var me = await NewsroomUser.OfAsync(http.User, services.GetRequiredService<UserManager<GazetteUser>>(), db, cancellationToken);
        return new Context(db, services.GetRequiredService<ArticleEditor>(), me,
            await services.GetRequiredService<SiteContext>().GetAsync(cancellationToken), services.GetRequiredService<TimeProvider>(), http.Request);
    }

    private static Task<Article?> FindAsync(GazetteDb db, int id, CancellationToken cancellationToken) =>
        db.Articles.Include(a => a.Tags).Include(a => a.Authors).ThenInclude(b => b.Author).Include(a => a.Section)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "No story has this id, or the token's owner may not open it.");

    private static async Task<IResult> GetAsync(int id, HttpContext http, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(http, cancellationToken);
        var article = await FindAsync(context.Db, id, cancellationToken);
        return article is null || !context.Me.Rights.CanOpen(article) ? NotFound() : Results.Ok(Show(article, context));
    }

    private static async Task<IResult> CreateAsync(ArticleInput input, HttpContext http, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(http, cancellationToken);
        var article = new Article { Headline = "", CreatedByUserId = context.Me.Rights.UserId, Status = ArticleStatus.Draft };
        var problem = await SaveAsync(context, article, input, cancellationToken);
        return problem ?? Results.Created($"/api/v1/admin/stories/{article.Id}", Show(article, context));
    }

    private static async Task<IResult> UpdateAsync(int id, ArticleInput input, HttpContext http, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(http, cancellationToken);
        var article = await FindAsync(context.Db, id, cancellationToken);
        if (article is null || !context.Me.Rights.CanOpen(article))
            return NotFound();
        if (!context.Me.Rights.Allows(ArticleAction.Save, article))
            return Forbidden("The token's owner may not change this story.");
        if (await CheckVersionAsync(context, article, input.Version, cancellationToken) is { } conflict)
            return conflict;
        return await SaveAsync(context, article, input, cancellationToken) ?? Results.Ok(Show(article, context));
    }

    private static async Task<IResult> ActAsync(int id, string action, ArticleActionInput input, HttpContext http, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(http, cancellationToken);
        var article = await FindAsync(context.Db, id, cancellationToken);
        if (article is null || !context.Me.Rights.CanOpen(article))
            return NotFound();
        var storyAction = Enum.Parse<ArticleAction>(action, ignoreCase: true);
        if (!context.Me.Rights.Allows(storyAction, article))
            return Forbidden($"The token's owner may not {action} this story.");
        if (await CheckVersionAsync(context, article, input.Version, cancellationToken) is { } conflict)
            return conflict;
        var step = ArticleWorkflow.Apply(article, storyAction, input.PublishAt?.UtcDateTime, context.Clock.GetUtcNow().UtcDateTime);
        if (step.Refused)
            return Invalid(new() { ["publishAt"] = "Give a future instant with its offset, such as 2026-12-01T08:00:00Z." });
        return await SaveArticleAsync(context, article, step.Revision + " (API)", cancellationToken) ?? Results.Ok(Show(article, context));
    }

    private static async Task<IResult> DeleteAsync(int id, [FromQuery] Guid? version, HttpContext http, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(http, cancellationToken);
        var article = await FindAsync(context.Db, id, cancellationToken);
        if (article is null || !context.Me.Rights.CanOpen(article))
            return NotFound();
        if (!context.Me.Rights.CanDelete(article))
            return Forbidden("The token's owner may not delete this story.");
        if (version is not null && await CheckVersionAsync(context, article, version, cancellationToken) is { } conflict)
            return conflict;
        await context.Editor.DeleteAsync(article, context.Me.Editor, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> UploadAsync(HttpContext http, MediaLibrary library, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
            return Invalid(new() { ["file"] = "Send multipart/form-data with a file field." });
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        var alt = form["alt"].ToString().Trim();
        var errors = new Dictionary<string, string>();
        if (file is null)
            errors["file"] = "Choose an image file to upload.";
        if (alt.Length == 0)
            errors["alt"] = "An image needs alternative text for readers who cannot see it.";
        else if (alt.Length > MediaLibrary.MaxAltText)
            errors["alt"] = "Alternative text has at most 1,000 characters.";
        if (errors.Count > 0)
            return Invalid(errors);
        try
        {
            var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
            var result = await library.UploadAsync(new MediaUpload(file!.FileName, file.Length, file.OpenReadStream, alt,
                form["caption"].ToString(), form["credit"].ToString(), userId), cancellationToken);
            var item = result.Item;
            var (width, height) = MediaFiles.DefaultSize(item);
            var choice = new MediaApi.MediaChoice(item.Id, MediaFiles.DefaultUrl(item), item.AltText, item.Caption, item.Credit, width, height);
            return result.AlreadyInLibrary ? Results.Ok(choice) : Results.Created($"/api/v1/admin/media/{item.Id}", choice);
        }
        catch (ImageRejectedException rejected)
        {
            return Invalid(new() { ["file"] = rejected.Message });
        }
    }

    private static async Task<IResult?> CheckVersionAsync(Context context, Article article, Guid? version, CancellationToken cancellationToken)
    {
        if (version is not { } expected)
            return Invalid(new() { ["version"] = "Send the story's version as last read, so no one's changes are lost." });
        if (article.Version == expected)
        {
            // Also checked by the database on save, for a change that lands between this read and that write.
            context.Db.Entry(article).Property(a => a.Version).OriginalValue = expected;
            return null;
        }
        return await ConflictAsync(context, article.Id, cancellationToken);
    }

    private static async Task<IResult> ConflictAsync(Context context, int id, CancellationToken cancellationToken)
    {
        var latest = await context.Db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number)
            .Select(r => new { r.UserName, r.Action, r.Number, r.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        var current = await context.Db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.Version).FirstOrDefaultAsync(cancellationToken);
        var who = latest is null ? "someone else" : $"{latest.UserName} ({latest.Action}, revision {latest.Number}, {latest.CreatedAt:yyyy-MM-dd HH:mm} UTC)";
        return Results.Problem(statusCode: 409, title: "The story changed since you read it.",
            detail: $"It was last changed by {who}. Read it again, apply your change to the current text, and send it with the new version.",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = current });
    }

    /// <summary>Applies the input through the editor's own rules, then saves; null when saved, else the problem.</summary>
    private static async Task<IResult?> SaveAsync(Context context, Article article, ArticleInput input, CancellationToken cancellationToken)
    {
        var changes = new ArticleChanges
        {
            Headline = input.Headline,
            SecondHeadline = input.SecondHeadline,
            Standfirst = input.Standfirst,
            BodyMarkdown = input.Body,
            Slug = input.Slug,
            Language = input.Language ?? context.Site.Settings.DefaultLanguage,
            SectionId = input.SectionId,
            // Name by name, as sent: a tag may hold a comma, which only the editor's text field treats as a separator.
            Tags = input.Tags ?? [],
            AuthorIds = input.AuthorIds ?? [],
            FigureUrl = input.Figure?.Url,
            FigureMediaId = input.Figure?.MediaId,
            FigureAlt = input.Figure?.Alt,
            FigureCaption = input.Figure?.Caption,
            FigureCredit = input.Figure?.Credit,
            // Left out, the switch stays as the story has it: a client unaware of it must not reopen closed comments.
            CommentsOpen = input.CommentsOpen ?? article.CommentsOpen,
        };
        var errors = await changes.ApplyToAsync(article, context.Db, createTags: true, cancellationToken);
        if (errors.Count > 0)
            return Invalid(errors);
        article.TranslationGroup = input.TranslationGroup;
        var step = ArticleWorkflow.Apply(article, ArticleAction.Save, publishAt: null, context.Clock.GetUtcNow().UtcDateTime);
        return await SaveArticleAsync(context, article, step.Revision + " (API)", cancellationToken);
    }

    private static async Task<IResult?> SaveArticleAsync(Context context, Article article, string action, CancellationToken cancellationToken)
    {
        try
        {
            await context.Editor.SaveAsync(article, context.Me.Editor, action, cancellationToken);
            return null;
        }
        catch (ArticleValidationException invalid)
        {
            return Invalid(invalid.Errors.ToDictionary());
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(context, article.Id, cancellationToken);
        }
    }

    /// <summary>A 400 problem whose errors name the JSON fields (<see cref="ArticleChanges"/>'s <c>SectionId</c> becomes <c>sectionId</c>).</summary>
    private static IResult Invalid(Dictionary<string, string> errors) =>
        Results.ValidationProblem(errors.ToDictionary(e => JsonName(e.Key), e => new[] { e.Value }),
            title: "The story cannot be saved as it is.");

    private static string JsonName(string field)
    {
        field = field switch
        {
            "Body" or "BodyMarkdown" => "body",
            "FigureUrl" => "figure.url",
            "FigureMediaId" => "figure.mediaId",
            "FigureAlt" or "FeaturedFigure.AltText" => "figure.alt",
            "FigureCaption" => "figure.caption",
            "FigureCredit" => "figure.credit",
            "PublishedAt" => "publishAt",
            _ => field,
        };
        return field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
    }

    private static IResult Forbidden(string title) => Results.Problem(statusCode: 403, title: title);

    private static AdminArticle Show(Article article, Context context) =>
        new(ContentApi.ToApi(article, context.Site, context.Request), article.Status.ToString(), article.Version, article.BodyMarkdown, article.CommentsOpen);
}
