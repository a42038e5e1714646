using System.Globalization;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Html;

namespace Gazette.Media;

/// <summary>The markup of a library image: a WebP source and a fallback, each with every width, for the browser to choose.</summary>
public static class MediaImages
{
    /// <summary>
    /// A <c>&lt;picture&gt;</c> for <paramref name="item"/>. <paramref name="aboveTheFold"/> images load at once with high
    /// priority (the lead figure); the others wait until the reader scrolls near them.
    /// </summary>
    public static IHtmlContent Picture(MediaItem item, string altText, string sizes, bool aboveTheFold, string? cssClass = null)
    {
        var encoder = HtmlEncoder.Default;
        var widths = MediaFiles.Widths(item);
        var fallback = ImageProcessor.FallbackExtension(item.ContentType);
        var (largest, height) = MediaFiles.DefaultSize(item);
        var html = new System.Text.StringBuilder("<picture>");
        if (fallback != "webp")
            html.Append($"<source type=\"image/webp\" srcset=\"{SrcSet(item, widths, "webp", encoder)}\" sizes=\"{encoder.Encode(sizes)}\">");
        html.Append($"<img src=\"{encoder.Encode(MediaFiles.VariantUrl(item, largest, fallback))}\"")
            .Append($" srcset=\"{SrcSet(item, widths, fallback, encoder)}\" sizes=\"{encoder.Encode(sizes)}\"")
            .Append(CultureInfo.InvariantCulture, $" width=\"{largest}\" height=\"{height}\"")
            .Append($" alt=\"{encoder.Encode(altText)}\"")
            .Append(aboveTheFold ? " loading=\"eager\" fetchpriority=\"high\"" : " loading=\"lazy\" decoding=\"async\"");
        if (cssClass is not null)
            html.Append($" class=\"{encoder.Encode(cssClass)}\"");
        html.Append("></picture>");
        return new HtmlString(html.ToString());
    }

    private static string SrcSet(MediaItem item, IReadOnlyList<int> widths, string extension, HtmlEncoder encoder) =>
        string.Join(", ", widths.Select(w => encoder.Encode(MediaFiles.VariantUrl(item, w, extension)) + " " + w.ToString(CultureInfo.InvariantCulture) + "w"));
}
