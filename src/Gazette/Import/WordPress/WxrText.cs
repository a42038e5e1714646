using System.Net;
using System.Text.RegularExpressions;

namespace Gazette.Import.WordPress;

/// <summary>Text taken from an export into Gazette's plain fields: titles, excerpts, captions, names.</summary>
internal static partial class WxrText
{
    /// <summary>HTML and block comments dropped (tags become spaces so words stay apart), entities decoded, spaces collapsed.</summary>
    public static string PlainText(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(HtmlTags().Replace(BlockComments().Replace(html, ""), " ")), " ").Trim();

    /// <summary>Cut to a column's length: WordPress allows longer titles and names than Gazette stores.</summary>
    public static string Limit(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex BlockComments();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
