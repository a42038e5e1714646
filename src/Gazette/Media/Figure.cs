namespace Gazette.Media;

/// <summary>An image as a story shows it: the picture, what it shows for those who cannot see it, and who took it.</summary>
public class Figure
{
    public required string ImageUrl { get; set; }
    public string AltText { get; set; } = "";
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }

    /// <summary>The media-library image behind this figure, for its responsive variants; null for an external or demo path.</summary>
    public int? MediaId { get; set; }
}
