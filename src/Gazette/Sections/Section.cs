namespace Gazette.Sections;

public class Section
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>Where the section comes in navigation and on the home page, smallest first.</summary>
    public int Position { get; set; }
}
