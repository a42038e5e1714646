using System.Text;
using System.Text.RegularExpressions;

namespace Gazette.Translations;

/// <summary>
/// A Markdown body cut into the pieces a translator should see: paragraph text, heading text, list-item and quote
/// text, never their markers. Figure blocks, read-also lines, code, HTML and table rules stay as they are, and link
/// addresses are hidden behind placeholders so that only words go out and come back.
/// </summary>
public sealed partial class MarkdownSegments
{
    private readonly List<Piece> pieces = [];
    private readonly List<string> links = [];

    private sealed class Piece(string prefix, string? text, string suffix = "")
    {
        public string Prefix { get; } = prefix;
        public string? Text { get; set; } = text;
        public string Suffix { get; } = suffix;
    }

    private MarkdownSegments()
    {
    }

    /// <summary>The texts to translate, in order.</summary>
    public IReadOnlyList<string> Texts => pieces.Where(p => p.Text is not null).Select(p => p.Text!).ToList();

    public static MarkdownSegments Parse(string markdown)
    {
        var segments = new MarkdownSegments();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        string? fence = null;
        var inContainer = false;
        var paragraph = new List<string>();
        void EndParagraph()
        {
            if (paragraph.Count == 0)
                return;
            var indent = paragraph[0][..(paragraph[0].Length - paragraph[0].TrimStart().Length)];
            segments.pieces.Add(new Piece(indent, segments.Protect(string.Join(' ', paragraph.Select(l => l.Trim()))), "\n"));
            paragraph.Clear();
        }
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            var last = i == lines.Length - 1;
            var newline = last ? "" : "\n";
            if (fence is not null || inContainer)
            {
                segments.pieces.Add(new Piece(line + newline, null));
                if (fence is not null && trimmed.StartsWith(fence, StringComparison.Ordinal))
                    fence = null;
                else if (inContainer && trimmed.TrimEnd() == ":::")
                    inContainer = false;
                continue;
            }
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                EndParagraph();
                fence = trimmed[..3];
                segments.pieces.Add(new Piece(line + newline, null));
                continue;
            }
            if (trimmed.StartsWith(":::", StringComparison.Ordinal))
            {
                EndParagraph();
                inContainer = trimmed.TrimEnd() != ":::";
                segments.pieces.Add(new Piece(line + newline, null));
                continue;
            }
            if (trimmed.Length == 0 || KeptLine().IsMatch(trimmed))
            {
                EndParagraph();
                segments.pieces.Add(new Piece(line + newline, null));
                continue;
            }
            var marked = MarkedLine().Match(line);
            if (marked.Success && marked.Groups["marker"].Value.Trim().Length > 0)
            {
                EndParagraph();
                var text = marked.Groups["text"].Value;
                var closing = ClosingHashes().Match(text);
                segments.pieces.Add(new Piece(marked.Groups["marker"].Value, segments.Protect(text[..closing.Index]), closing.Value + newline));
                continue;
            }
            paragraph.Add(line);
            if (last)
            {
                EndParagraph();
                // The text had no final newline: drop the one the paragraph added.
                var final = segments.pieces[^1];
                segments.pieces[^1] = new Piece(final.Prefix, final.Text);
            }
        }
        EndParagraph();
        return segments;
    }

    /// <summary>The Markdown again, each text replaced by its translation (given in the order of <see cref="Texts"/>).</summary>
    public string Rebuild(IReadOnlyList<string> translations)
    {
        var next = 0;
        var builder = new StringBuilder();
        foreach (var piece in pieces)
        {
            builder.Append(piece.Prefix);
            if (piece.Text is not null)
                builder.Append(Restore(translations[next++].Trim()));
            builder.Append(piece.Suffix);
        }
        return builder.ToString();
    }

    private string Protect(string text) => LinkTarget().Replace(text, match =>
    {
        links.Add(match.Groups[1].Value);
        return $"](_{links.Count}_)";
    });

    private string Restore(string text) => PlaceholderTarget().Replace(text, match =>
        int.TryParse(match.Groups[1].Value, out var n) && n >= 1 && n <= links.Count ? $"]({links[n - 1]})" : match.Value);

    // Read-also lines, HTML, table rules, thematic breaks, reference-link definitions, images alone on their line.
    [GeneratedRegex(@"^(\[\[.*\]\]\s*$|<|\|?\s*:?-{3,}|(\*\s*){3,}$|(-\s*){3,}$|\[[^\]]+\]:\s|!\[[^\]]*\]\([^)]*\)\s*$)")]
    private static partial Regex KeptLine();

    [GeneratedRegex(@"^(?<marker>[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)?)(?<text>.*)$")]
    private static partial Regex MarkedLine();

    [GeneratedRegex(@"[ \t]+#+[ \t]*$|$")]
    private static partial Regex ClosingHashes();

    [GeneratedRegex(@"\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+""[^""]*"")?)\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"\]\(\s*_\s*(\d+)\s*_\s*\)")]
    private static partial Regex PlaceholderTarget();
}
