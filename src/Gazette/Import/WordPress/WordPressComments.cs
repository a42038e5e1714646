using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

using Gazette.Comments;
using Gazette.Data;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Import.WordPress;

/// <summary>
/// A post's comments, with their threads, statuses, names, e-mails, websites and dates. The text becomes plain text
/// as Gazette shows every comment; pingbacks and trackbacks are left out; IP addresses are not carried over: an old
/// comment's address is past the retention Gazette keeps, and keeping it would only be a liability.
/// </summary>
public static partial class WordPressComments
{
    public static async Task ImportAsync(GazetteDb db, string source, int articleId, string language, IReadOnlyList<WxrComment> comments,
        ImportSummary summary, DateTime now, CancellationToken cancellationToken)
    {
        var counts = summary.For("comments");
        var localIds = new Dictionary<long, int>();
        foreach (var wxr in comments.OrderBy(c => c.Id))
        {
            if (wxr.Type is "pingback" or "trackback")
            {
                counts.Skipped++;
                continue;
            }
            var id = wxr.Id.ToString(CultureInfo.InvariantCulture);
            var record = await db.ImportRecords.FirstOrDefaultAsync(r => r.Source == source && r.Kind == "comment" && r.ExternalId == id, cancellationToken);
            var comment = record is not null && int.TryParse(record.LocalId, out var known)
                ? await db.Comments.FirstOrDefaultAsync(c => c.Id == known, cancellationToken)
                : null;
            var isNew = comment is null;
            comment ??= new Comment { ArticleId = articleId };
            comment.ArticleId = articleId;
            comment.AuthorName = WxrText.Limit(WebUtility.HtmlDecode(wxr.AuthorName).Trim(), CommentInput.MaxNameLength) is { Length: > 0 } name ? name : "Anonymous";
            comment.Email = CommentInput.NormalizeEmail(wxr.AuthorEmail) ?? "";
            comment.Website = Uri.TryCreate(wxr.AuthorUrl, UriKind.Absolute, out var site) && site.Scheme is "http" or "https"
                && wxr.AuthorUrl!.Length <= CommentInput.MaxWebsiteLength ? wxr.AuthorUrl : null;
            comment.Text = WxrText.Limit(PlainText(wxr.Content), CommentInput.MaxTextLength);
            comment.Status = wxr.Approved switch
            {
                "1" or "approve" => CommentStatus.Approved,
                "spam" => CommentStatus.Spam,
                "trash" or "post-trashed" => CommentStatus.Trash,
                _ => CommentStatus.Pending,
            };
            comment.CreatedAt = wxr.DateUtc;
            comment.ApprovedAt = comment.Status == CommentStatus.Approved ? wxr.DateUtc : null;
            comment.Language = language;
            comment.SpamReasons = "imported from WordPress";
            comment.ParentId = null;
            if (wxr.ParentId != 0)
            {
                if (localIds.TryGetValue(wxr.ParentId, out var parent))
                    comment.ParentId = parent;
                else
                    summary.Warn($"comment {wxr.Id} answers comment {wxr.ParentId}, which is not in its post: shown at the top level");
            }
            if (isNew)
                db.Comments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            if (record is null)
                db.ImportRecords.Add(new ImportRecord { Source = source, Kind = "comment", ExternalId = id, LocalId = comment.Id.ToString(CultureInfo.InvariantCulture), ContentHash = "", ImportedAt = now });
            else
                record.LocalId = comment.Id.ToString(CultureInfo.InvariantCulture);
            localIds[wxr.Id] = comment.Id;
            if (isNew)
                counts.Imported++;
            else
                counts.Updated++;
        }
    }

    /// <summary>WordPress keeps a comment's few tags (links, emphasis, paragraphs); Gazette shows plain text with its own links.</summary>
    private static string PlainText(string html)
    {
        var text = Paragraph().Replace(html, "\n\n");
        text = LineBreak().Replace(text, "\n");
        text = Link().Replace(text, m => m.Groups["label"].Value.Trim() == m.Groups["href"].Value ? m.Groups["href"].Value : $"{m.Groups["label"].Value} ({m.Groups["href"].Value})");
        text = WebUtility.HtmlDecode(Tag().Replace(text, ""));
        return ManyBlankLines().Replace(text.Replace("\r\n", "\n"), "\n\n").Trim();
    }

    [GeneratedRegex(@"</p>\s*<p[^>]*>|</?p[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Paragraph();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<a\b[^>]*href=""(?<href>https?://[^""]+)""[^>]*>(?<label>.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyBlankLines();
}
