using System.Text.RegularExpressions;

namespace Gazette.Import.WordPress;

/// <summary>
/// WordPress has no credit field on a figure, so newsrooms write it at the end of the caption
/// ("… sur le port. Photo : AFP", "… on Tuesday. Credit: Reuters", "© ANP"); and the photo's own IPTC credit
/// travels in the attachment's metadata. Both end up in Gazette's credit.
/// </summary>
public static partial class CaptionCredit
{
    public static (string? Caption, string? Credit) Split(string? caption)
    {
        if (string.IsNullOrWhiteSpace(caption))
            return (null, null);
        var match = TrailingCredit().Match(caption);
        if (!match.Success)
            return (caption.Trim(), null);
        var rest = caption[..match.Index].TrimEnd(' ', '-', '–', '—', '|', '/');
        return (rest.Length == 0 ? null : rest, match.Groups["credit"].Value.Trim().TrimEnd(')', '.'));
    }

    /// <summary>The IPTC credit WordPress keeps in <c>_wp_attachment_metadata</c> (PHP-serialized).</summary>
    public static string? FromAttachmentMetadata(string? serialized)
    {
        if (string.IsNullOrEmpty(serialized))
            return null;
        var match = SerializedCredit().Match(serialized);
        return match.Success && match.Groups["value"].Value.Trim() is { Length: > 0 } credit ? credit : null;
    }

    [GeneratedRegex(@"(?:^|[\s(.,;])(?:(?:cr[ée]dits?(?:\s+photos?)?|photos?|photograph(?:ie|y)|foto|bild)\s*:|©)\s*(?<credit>[^\s:(][^():]{0,80}?)\)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingCredit();

    [GeneratedRegex(@"s:6:""credit"";s:\d+:""(?<value>[^""]*)"";")]
    private static partial Regex SerializedCredit();
}
