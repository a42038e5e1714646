using Gazette.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gazette.Articles;

/// <summary>
/// Publishes scheduled stories when their time comes. The schedule is the stories' own status and time in the
/// database, so a restart loses nothing: the first pass after it publishes whatever fell due meanwhile.
/// </summary>
/// <remarks>
/// Readers already see a due scheduled story (<see cref="PublicArticles.WherePublic"/>); this flips its status
/// through <see cref="ArticleEditor"/>, so the change feed and everything that follows a publication hear of it.
/// Exactly once with several nodes: on PostgreSQL each story is claimed with <c>FOR UPDATE SKIP LOCKED</c> in
/// its own transaction, so two nodes never work on the same story, and the story's <see cref="Article.Version"/>
/// token refuses a second flip of a row another node changed since it was read. SQLite serves one process;
/// the version token alone still keeps a second writer on the same file from publishing twice.
/// </remarks>
public sealed partial class ScheduledPublisher(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<GazetteOptions> options, ILogger<ScheduledPublisher> logger)
    : BackgroundService
{
    /// <summary>Stories published per pass at most, so one pass stays short even after a long outage.</summary>
    private const int MaxPerPass = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SchedulerInterval;
        if (interval <= TimeSpan.Zero)
        {
            LogDisabled(logger);
            return;
        }
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be away for a moment; the next tick tries again.
                LogPassFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: publishes every scheduled story whose time has come and returns how many this call published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        var skipped = new List<int>();
        while (published + skipped.Count < MaxPerPass)
        {
            var outcome = await PublishNextAsync(skipped, cancellationToken);
            if (outcome is null)
                break;
            if (outcome.Value.Published)
                published++;
            else
                skipped.Add(outcome.Value.Id);
        }
        return published;
    }

    /// <summary>Claims and publishes one due story; null when none is left to claim.</summary>
    private async Task<(int Id, bool Published)?> PublishNextAsync(List<int> skipped, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = await NextDueIdAsync(db, now, skipped, cancellationToken);
        if (id is null)
            return null;

        var article = await db.Articles.Include(a => a.Tags).Include(a => a.Authors)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is not { Status: ArticleStatus.Scheduled })
            return (id.Value, false);
        article.Status = ArticleStatus.Published;
        try
        {
            await scope.ServiceProvider.GetRequiredService<ArticleEditor>().SaveAsync(article, Editor.System, "published by the scheduler", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node or an editor changed the story since we read it: theirs stands, and if it is still
            // scheduled and due, the next pass sees it afresh.
            return (id.Value, false);
        }
        catch (ArticleValidationException exception)
        {
            LogInvalid(logger, article.Id, exception.Message);
            return (id.Value, false);
        }
        LogPublished(logger, article.Id, article.Headline);
        return (id.Value, true);
    }

    private static async Task<int?> NextDueIdAsync(GazetteDb db, DateTime now, List<int> skipped, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // A row another node holds is skipped, not waited for: that node is publishing it.
            var ids = await db.Database.SqlQuery<int>($"""
                SELECT "Id" AS "Value" FROM "Articles"
                WHERE "Status" = 'Scheduled' AND "PublishedAt" <= {now} AND "DeletedAt" IS NULL AND NOT ("Id" = ANY({skipped.ToArray()}))
                ORDER BY "PublishedAt", "Id"
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            return ids.Count > 0 ? ids[0] : null;
        }
        return await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now && !skipped.Contains(a.Id))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Select(a => (int?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published scheduled story {Id}: {Headline}")]
    private static partial void LogPublished(ILogger logger, int id, string headline);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled story {Id} is due but cannot be saved: {Problem}")]
    private static partial void LogInvalid(ILogger logger, int id, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "A scheduler pass failed; the next one tries again.")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The scheduler is off (Gazette:SchedulerInterval is zero).")]
    private static partial void LogDisabled(ILogger logger);
}
