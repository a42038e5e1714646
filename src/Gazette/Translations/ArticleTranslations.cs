using System.Security.Cryptography;
using System.Text;

using Gazette.Articles;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Media;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Translations;

/// <summary>A story of a translation group as the editor lists it.</summary>
public sealed record TranslationEntry(int Id, string Language, string Headline, ArticleStatus Status, int? SourceId, bool Stale, bool MachineTranslated)
{
    public bool IsOriginal => SourceId is null;
}

/// <summary>A translation the editor asked for cannot be made; the message says why.</summary>
public sealed class TranslationRefusedException(string message) : Exception(message);

/// <summary>
/// Translations of stories. A translation is made from one story, its original (<see cref="Article.TranslationSourceId"/>),
/// and remembers the fingerprint of the original's text at that moment; once the original's text changes, the translation
/// is out of date until an editor brings it up to date (after checking it) with <see cref="MarkUpToDateAsync"/>.
/// Only text counts: publishing, retagging or moving the original does not make its translations stale.
/// </summary>
public sealed class ArticleTranslations(GazetteDb db, ArticleEditor editor, MachineTranslator translator)
{
    /// <summary>A fingerprint of what a translator translates: headlines, standfirst, body, figure text.</summary>
    public static string Fingerprint(Article article)
    {
        var text = string.Join('\u001f', article.Headline, article.SecondHeadline ?? "", article.Standfirst, article.BodyMarkdown,
            article.FeaturedFigure?.AltText ?? "", article.FeaturedFigure?.Caption ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Every story of <paramref name="article"/>'s group (itself included), originals first; empty without a group.</summary>
    public async Task<IReadOnlyList<TranslationEntry>> GroupOfAsync(Article article, CancellationToken cancellationToken)
    {
        if (article.TranslationGroup is not { } group)
            return [];
        var members = await db.Articles.AsNoTracking().Where(a => a.TranslationGroup == group)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var fingerprints = members.ToDictionary(m => m.Id, Fingerprint);
        return members
            .Select(m => new TranslationEntry(m.Id, m.Language, m.Headline, m.Status, m.TranslationSourceId,
                m.TranslationSourceId is { } source && fingerprints.TryGetValue(source, out var now) && now != m.TranslationSourceHash,
                m.MachineTranslated))
            .OrderBy(e => e.IsOriginal ? 0 : 1)
            .ToList();
    }

    /// <summary>
    /// A draft of <paramref name="source"/> in <paramref name="language"/>, saved: same group, section, tags, byline, figure
    /// and comment setting; the text copied, or pre-filled by machine translation when <paramref name="machine"/> is set.
    /// <paramref name="source"/> must be tracked, with its tags and byline loaded.
    /// </summary>
    public async Task<Article> CreateAsync(Article source, string language, bool machine, Editor by, string? userId, CancellationToken cancellationToken)
    {
        language = Editions.LanguageTags.Normalize(language);
        if (string.Equals(language, source.Language, StringComparison.OrdinalIgnoreCase))
            throw new TranslationRefusedException(NewsroomLabels.Current.Format("TranslationSameLanguage", language));
        if (source.TranslationGroup is { } existingGroup
            && await db.Articles.AnyAsync(a => a.TranslationGroup == existingGroup && a.Language == language, cancellationToken))
            throw new TranslationRefusedException(NewsroomLabels.Current.Format("TranslationExists", language));

        var translation = new Article
        {
            Headline = source.Headline,
            SecondHeadline = source.SecondHeadline,
            Standfirst = source.Standfirst,
            BodyMarkdown = source.BodyMarkdown,
            Language = language,
            Status = ArticleStatus.Draft,
            SectionId = source.SectionId,
            CommentsOpen = source.CommentsOpen,
            CreatedByUserId = userId,
            TranslationSourceId = source.Id,
            TranslationSourceHash = Fingerprint(source),
            FeaturedFigure = source.FeaturedFigure is { } figure ? Copy(figure) : null,
            MachineTranslated = machine,
        };
        if (machine)
            await PrefillAsync(translation, source.Language, cancellationToken);
        // The same tags: a tag is one subject in every language, shown under its name in the story's language where it has one.
        translation.Tags.AddRange(source.Tags);
        translation.Authors.AddRange(source.Authors.OrderBy(b => b.Position)
            .Select(b => new ArticleAuthor { AuthorId = b.AuthorId, Author = b.Author, Position = b.Position }));

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (source.TranslationGroup is null)
        {
            source.TranslationGroup = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
        }
        translation.TranslationGroup = source.TranslationGroup;
        await editor.SaveAsync(translation, by, machine ? $"machine-translated from {source.Language} (story {source.Id})" : $"translated from {source.Language} (story {source.Id})",
            cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return translation;
    }

    /// <summary>Records that <paramref name="translation"/> now follows its original's current text (not saved).</summary>
    public async Task<bool> MarkUpToDateAsync(Article translation, CancellationToken cancellationToken)
    {
        if (translation.TranslationSourceId is not { } sourceId)
            return false;
        var source = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == sourceId, cancellationToken);
        if (source is null)
            return false;
        translation.TranslationSourceHash = Fingerprint(source);
        return true;
    }

    /// <summary>Replaces the draft's text by the machine's translation of it; figure and read-also blocks are kept as they are.</summary>
    private async Task PrefillAsync(Article draft, string sourceLanguage, CancellationToken cancellationToken)
    {
        var body = MarkdownSegments.Parse(draft.BodyMarkdown);
        var head = new[] { draft.Headline, draft.SecondHeadline ?? "", draft.Standfirst, draft.FeaturedFigure?.AltText ?? "", draft.FeaturedFigure?.Caption ?? "" };
        var translated = await translator.TranslateAsync([.. head, .. body.Texts], sourceLanguage, draft.Language, cancellationToken);
        draft.Headline = translated[0].Trim();
        draft.SecondHeadline = string.IsNullOrWhiteSpace(draft.SecondHeadline) ? null : translated[1].Trim();
        draft.Standfirst = translated[2].Trim();
        if (draft.FeaturedFigure is { } figure)
        {
            figure.AltText = translated[3].Trim();
            figure.Caption = string.IsNullOrWhiteSpace(figure.Caption) ? null : translated[4].Trim();
        }
        draft.BodyMarkdown = body.Rebuild(translated.Skip(head.Length).ToList());
    }

    private static Figure Copy(Figure figure) => new()
    {
        ImageUrl = figure.ImageUrl,
        AltText = figure.AltText,
        Caption = figure.Caption,
        Credit = figure.Credit,
        Width = figure.Width,
        Height = figure.Height,
        MediaId = figure.MediaId,
    };
}
