using Gazette.Localization;

namespace Gazette.Articles;

/// <summary>
/// A share button as a plain link: nothing is loaded from the network until the reader clicks it,
/// so no third party learns who reads what.
/// </summary>
public sealed record ShareLink(string Network, string Label, string Url, string CssClass)
{
    public static IReadOnlyList<ShareLink> For(string pageUrl, string title, string? imageUrl, Labels labels)
    {
        var url = Uri.EscapeDataString(pageUrl);
        var text = Uri.EscapeDataString(title);
        var on = (string network) => labels.Format("ShareOn", network);
        var links = new List<ShareLink>
        {
            new("Facebook", on("Facebook"), $"https://www.facebook.com/sharer/sharer.php?u={url}", "facebook"),
            new("X", on("X"), $"https://x.com/intent/post?url={url}&text={text}", "x"),
            new("LinkedIn", on("LinkedIn"), $"https://www.linkedin.com/sharing/share-offsite/?url={url}", "linkedin"),
            new("Pinterest", on("Pinterest"),
                $"https://pinterest.com/pin/create/button/?url={url}&description={text}"
                + (imageUrl is null ? "" : $"&media={Uri.EscapeDataString(imageUrl)}"), "pinterest"),
            new("Bluesky", on("Bluesky"), $"https://bsky.app/intent/compose?text={Uri.EscapeDataString(title + " " + pageUrl)}", "bluesky"),
            new("WhatsApp", on("WhatsApp"), $"https://wa.me/?text={Uri.EscapeDataString(title + " " + pageUrl)}", "whatsapp"),
            new(labels["ShareEmail"], labels["ShareByEmail"], $"mailto:?subject={text}&body={url}", "email"),
        };
        return links;
    }
}
