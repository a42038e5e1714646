using Gazette.Articles;

namespace Gazette.Tags;

public class Tag
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public List<Article> Articles { get; set; } = [];

    public string Hashtag => "#" + string.Concat(Name.Where(c => !char.IsWhiteSpace(c)));
}
