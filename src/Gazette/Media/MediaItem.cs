namespace Gazette.Media;

/// <summary>
/// An uploaded image in the media library. The file and its resized variants live in the data folder's
/// media directory under <see cref="StorageKey"/>; alt text, caption and credit travel with it and can be
/// overridden where a story uses it.
/// </summary>
public class MediaItem
{
    public int Id { get; set; }

    /// <summary>Content-derived name (a hash), so URLs can be cached for a year and never change meaning.</summary>
    public required string StorageKey { get; set; }
    public required string OriginalFileName { get; set; }
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long ByteSize { get; set; }
    public string AltText { get; set; } = "";
    public string? Caption { get; set; }
    public string? Credit { get; set; }

    /// <summary>The widths of the resized variants that exist, e.g. "480,960,1600".</summary>
    public string VariantWidths { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public string? UploadedByUserId { get; set; }
}
