using Gazette.Data;
using Gazette.Text.Spam;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Comments;

/// <summary>
/// The spam classifier as this node runs it: the shipped model plus every moderator verdict stored in
/// <see cref="SpamFeedback"/>, replayed oldest first. Replaying (rather than saving a model blob) keeps the database the
/// only source of truth: a new shipped model picks up the newsroom's corrections on the next start, erasing a
/// commenter's data can remove their examples, and another node's verdicts arrive here before the next score.
/// </summary>
public sealed class LiveSpamModel(IServiceScopeFactory scopes, ILogger<LiveSpamModel> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SpamModel? model;
    private int lastApplied;

    /// <summary>Stores a moderator's verdict on <paramref name="comment"/> and teaches it to the model.</summary>
    public async Task LearnAsync(GazetteDb db, Comment comment, bool isSpam, string? userId, CancellationToken cancellationToken)
    {
        if (comment.ErasedAt is not null || comment.Text.Length == 0)
            return;
        db.SpamFeedback.Add(new SpamFeedback
        {
            CommentId = comment.Id,
            Text = comment.Text,
            Author = comment.AuthorName,
            IsSpam = isSpam,
            UserId = userId,
            CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
        await CatchUpAsync(cancellationToken);
    }

    /// <summary>The model with every stored verdict applied (loads and replays them the first time).</summary>
    public async Task<SpamModel> CatchUpAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            model ??= SpamModel.LoadShipped();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
            while (true)
            {
                var batch = await db.SpamFeedback.AsNoTracking().Where(f => f.Id > lastApplied).OrderBy(f => f.Id).Take(500)
                    .Select(f => new { f.Id, f.Text, f.Author, f.IsSpam }).ToListAsync(cancellationToken);
                foreach (var feedback in batch)
                {
                    model.Learn(feedback.Text, feedback.IsSpam, feedback.Author);
                    lastApplied = feedback.Id;
                }
                if (batch.Count < 500)
                    break;
            }
            return model;
        }
        catch (Exception exception) when (exception is not OperationCanceledException && model is not null)
        {
            // The database hiccuped: score with what we have rather than refuse the reader.
            logger.LogWarning(exception, "Could not read the moderators' spam feedback; scoring with the model as it is.");
            return model;
        }
        finally
        {
            gate.Release();
        }
    }
}
