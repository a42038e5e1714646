using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

using Gazette.Data;
using Gazette.Text.Diffs;

using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Articles;

/// <summary>
/// Two revisions side by side as one readable text: removed lines in &lt;del&gt;, added ones in &lt;ins&gt;, a changed
/// line diffed word by word, and long unchanged stretches folded to a few lines of context.
/// </summary>
public static class RevisionDiff
{
    private const int Context = 2;
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The difference between two snapshots, with sections and authors named as they are now.</summary>
    public static async Task<IHtmlContent> RenderAsync(GazetteDb db, TimeZoneInfo zone, ArticleSnapshot before, ArticleSnapshot after,
        CancellationToken cancellationToken)
    {
        var sectionIds = new[] { before.SectionId, after.SectionId }.OfType<int>().ToList();
        var authorIds = before.AuthorIds.Concat(after.AuthorIds).Distinct().ToList();
        var sections = await db.Sections.AsNoTracking().Where(s => sectionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var authors = await db.Authors.AsNoTracking().Where(a => authorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return Render(before.ToLines(sections, authors, zone), after.ToLines(sections, authors, zone));
    }

    public static IHtmlContent Render(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var parts = TextDiff.Compare(before, after, StringComparer.Ordinal);
        var html = new StringBuilder("<div class=\"diff\">");
        if (parts.All(p => p.Kind == DiffKind.Same))
            html.Append("<p class=\"diff-none\">").Append(HtmlEncoder.Default.Encode(Localization.NewsroomLabels.Current["DiffNone"])).Append("</p>");
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            switch (part.Kind)
            {
                case DiffKind.Same:
                    AppendContext(html, part.Items, first: i == 0, last: i == parts.Count - 1);
                    break;
                case DiffKind.Deleted when i + 1 < parts.Count && parts[i + 1].Kind == DiffKind.Inserted:
                    AppendChanged(html, part.Items, parts[++i].Items);
                    break;
                default:
                    foreach (var line in part.Items)
                        AppendLine(html, part.Kind, Encode(line));
                    break;
            }
        }
        return new HtmlString(html.Append("</div>").ToString());
    }

    private static void AppendContext(StringBuilder html, IReadOnlyList<string> lines, bool first, bool last)
    {
        var head = first ? 0 : Math.Min(Context, lines.Count);
        var tail = last ? 0 : Math.Min(Context, lines.Count - head);
        if (head + tail >= lines.Count - 1)
            head = lines.Count - tail;
        for (var i = 0; i < head; i++)
            AppendLine(html, DiffKind.Same, Encode(lines[i]));
        if (lines.Count - head - tail > 0)
            html.Append("<div class=\"diff-fold\">… ").Append(HtmlEncoder.Default.Encode(Localization.NewsroomLabels.Current.Format("DiffUnchangedLines", lines.Count - head - tail))).Append(" …</div>");
        for (var i = lines.Count - tail; i < lines.Count; i++)
            AppendLine(html, DiffKind.Same, Encode(lines[i]));
    }

    // Pairs of changed lines read best word by word; leftovers are plain removals or additions.
    private static void AppendChanged(StringBuilder html, IReadOnlyList<string> removed, IReadOnlyList<string> added)
    {
        var pairs = Math.Min(removed.Count, added.Count);
        for (var i = 0; i < pairs; i++)
        {
            var words = TextDiff.Compare(TextDiff.Words(removed[i]), TextDiff.Words(added[i]), StringComparer.Ordinal);
            var line = new StringBuilder();
            foreach (var run in words)
            {
                var text = Encode(string.Concat(run.Items));
                line.Append(run.Kind switch
                {
                    DiffKind.Deleted => $"<del>{text}</del>",
                    DiffKind.Inserted => $"<ins>{text}</ins>",
                    _ => text,
                });
            }
            html.Append("<div class=\"diff-line diff-changed\">").Append(line).Append("</div>");
        }
        for (var i = pairs; i < removed.Count; i++)
            AppendLine(html, DiffKind.Deleted, Encode(removed[i]));
        for (var i = pairs; i < added.Count; i++)
            AppendLine(html, DiffKind.Inserted, Encode(added[i]));
    }

    private static void AppendLine(StringBuilder html, DiffKind kind, string encoded)
    {
        var content = encoded.Length == 0 ? "&nbsp;" : encoded;
        html.Append(kind switch
        {
            DiffKind.Deleted => $"<div class=\"diff-line diff-deleted\"><del>{content}</del></div>",
            DiffKind.Inserted => $"<div class=\"diff-line diff-inserted\"><ins>{content}</ins></div>",
            _ => $"<div class=\"diff-line\">{content}</div>",
        });
    }

    private static string Encode(string text) => Encoder.Encode(text);
}
