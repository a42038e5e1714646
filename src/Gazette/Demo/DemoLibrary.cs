using Gazette.Authors;
using Gazette.Media;

namespace Gazette.Demo;

/// <summary>
/// The demo images as an upload would store them: through <see cref="MediaLibrary"/>, so the demo stories show what
/// the newsroom's own pictures get (WebP and JPEG variants in every width, with their size), not the shipped files.
/// </summary>
public static class DemoLibrary
{
    /// <summary>Adds every demo image to the library (an image already there is found again); the items by file name.</summary>
    public static async Task<IReadOnlyDictionary<string, MediaItem>> AddImagesAsync(MediaLibrary library, IReadOnlyList<DemoArticle> stories,
        IReadOnlyList<Author> authors, CancellationToken cancellationToken)
    {
        var altTexts = AltTexts(stories, authors);
        var items = new Dictionary<string, MediaItem>();
        foreach (var name in DemoResources.Names("images/"))
        {
            var bytes = DemoResources.ReadBytes("images/" + name);
            var upload = new MediaUpload(name, bytes.Length, () => new MemoryStream(bytes), altTexts.GetValueOrDefault(name, ""),
                Caption: null, Credit: null, UserId: null);
            items[name] = (await library.UploadAsync(upload, cancellationToken)).Item;
        }
        return items;
    }

    /// <summary>The library's address of a demo image (its largest variant), as the editor's media picker writes it.</summary>
    public static string UrlOf(IReadOnlyDictionary<string, MediaItem> items, string name) => MediaFiles.DefaultUrl(items[name]);

    /// <summary>The library's default alternative text of each image: the first story's that shows it, or the author's name.</summary>
    private static Dictionary<string, string> AltTexts(IReadOnlyList<DemoArticle> stories, IReadOnlyList<Author> authors)
    {
        var altTexts = new Dictionary<string, string>();
        foreach (var story in stories)
        {
            if (story.Figure is not null)
                altTexts.TryAdd(story.Figure, story.FigureAlt!);
            foreach (var (name, altText) in story.InlineImageAltTexts)
                altTexts.TryAdd(name, altText);
        }
        foreach (var author in authors)
        {
            if (author.PhotoUrl?.StartsWith(DemoContent.MediaUrl, StringComparison.Ordinal) == true)
                altTexts.TryAdd(author.PhotoUrl[DemoContent.MediaUrl.Length..], author.Name);
        }
        return altTexts;
    }
}
