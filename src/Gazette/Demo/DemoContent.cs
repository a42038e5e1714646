using Gazette.Articles;
using Gazette.Authors;
using Gazette.Data;
using Gazette.Sections;
using Gazette.Site;

namespace Gazette.Demo;

/// <summary>The stories an empty site starts with, so the first run shows a living news site.</summary>
public sealed class DemoContent(GazetteDb db, ArticleEditor editor, TimeProvider clock)
{
    public static SiteSettings DefaultSettings() => new()
    {
        Title = "La Gazette",
        Description = "Gazette demo newsroom",
        DefaultLanguage = "fr",
        TimeZone = "Europe/Paris",
    };

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var section = new Section { Name = "Monde", Slug = "monde", Position = 1 };
        var author = new Author { Name = "Demo Author", Slug = "demo-author" };
        db.Sections.Add(section);
        db.Authors.Add(author);
        await db.SaveChangesAsync(cancellationToken);
        var article = new Article
        {
            Headline = "Bienvenue dans la Gazette",
            Standfirst = "Une première histoire.",
            BodyMarkdown = "Le premier paragraphe.",
            Language = "fr",
            Status = ArticleStatus.Published,
            PublishedAt = clock.GetUtcNow().UtcDateTime.AddHours(-1),
            Section = section,
            Authors = [new ArticleAuthor { Author = author, Position = 0 }],
        };
        await editor.SaveAsync(article, cancellationToken);
        return 1;
    }
}
