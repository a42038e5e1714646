using Gazette.Articles;
using Gazette.Authors;
using Gazette.Data;
using Gazette.Media;
using Gazette.Sections;
using Gazette.Site;
using Gazette.Tags;
using Gazette.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gazette.Demo;

/// <summary>
/// The stories an empty site starts with, so the first run shows a living news site: the story files and
/// drawings shipped inside the assembly (Demo/articles, Demo/images), published over the last ten days, their images in
/// the media library and the stories that exist in two languages linked as translations.
/// </summary>
public sealed class DemoContent(
    GazetteDb db, ArticleEditor editor, MediaLibrary library, SiteContext site, IOptions<GazetteOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Where the shipped demo images are served from as files (copied to the media folder's <c>demo</c> folder): the demo
    /// stories use the library's copies, but <c>demo generate</c> and hand-written examples (docs/markdown.md) name these.
    /// </summary>
    public const string MediaUrl = MediaFiles.UrlPrefix + "/demo/";

    public static SiteSettings DefaultSettings() => new()
    {
        Title = "La Gazette du Nord",
        Description = "L’actualité de la vallée de la Sorle, de Villemont à Port-Aurel, en français et en anglais.",
        DefaultLanguage = "fr",
        TimeZone = "Europe/Paris",
    };

    public static IReadOnlyList<Section> Sections() =>
    [
        new() { Name = "Région", Slug = "region", Position = 1 },
        new() { Name = "Économie", Slug = "economie", Position = 2 },
        new() { Name = "Culture", Slug = "culture", Position = 3 },
    ];

    public static IReadOnlyList<Author> Authors() =>
    [
        new()
        {
            Name = "Claire Vasseur",
            Slug = "claire-vasseur",
            Bio = "Correspondante de la Gazette à Villemont depuis 2012, Claire Vasseur suit la vie de la vallée de la Sorle, "
                  + "de ses conseils municipaux à ses crues. Elle a débuté au service des sports.",
            PhotoUrl = MediaUrl + "author-claire.jpg",
        },
        new()
        {
            Name = "Oliver Penrose",
            Slug = "oliver-penrose",
            Bio = "Responsable de l’édition anglaise de la Gazette, Oliver Penrose couvre l’économie du port et les liaisons "
                  + "avec le Royaume-Uni et la Belgique. Il vit à Port-Aurel depuis quinze ans.",
            PhotoUrl = MediaUrl + "author-oliver.jpg",
        },
    ];

    /// <summary>Every demo story, read-also targets before the stories that name them; checked for consistency.</summary>
    public static IReadOnlyList<DemoArticle> Stories()
    {
        var stories = DemoResources.Names("articles/")
            .Select(name => DemoArticle.Parse(name, DemoResources.ReadText("articles/" + name)))
            .ToList();
        Check(stories);
        return TargetsFirst(stories);
    }

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var stories = Stories();
        await CopyImagesAsync(cancellationToken);
        var images = await DemoLibrary.AddImagesAsync(library, stories, Authors(), cancellationToken);
        var sections = await FindOrAddAsync(db.Sections, Sections(), s => s.Slug, cancellationToken);
        var authors = await FindOrAddAsync(db.Authors, Authors(), a => a.Slug, cancellationToken);
        foreach (var author in authors.Values.Where(a => a.PhotoUrl?.StartsWith(MediaUrl, StringComparison.Ordinal) == true))
            author.PhotoUrl = DemoLibrary.UrlOf(images, author.PhotoUrl![MediaUrl.Length..]);
        var tagNames = stories.SelectMany(s => s.Tags).DistinctBy(name => Slugs.Create(name))
            .Select(name => new Tag { Name = name, Slug = Slugs.Create(name) });
        var tags = await FindOrAddAsync(db.Tags, tagNames, t => t.Slug, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var timeZone = (await site.GetAsync(cancellationToken)).TimeZone;
        var saved = new List<(Article Article, DateTime UpdatedAt)>();
        // One group per original that has a translation; originals come first (TargetsFirst), so their ids are known.
        var groups = stories.Select(s => s.TranslationOf).OfType<string>().Distinct().ToDictionary(file => file, _ => Guid.NewGuid());
        var byFile = new Dictionary<string, Article>();
        foreach (var story in stories)
        {
            var (published, updated) = Times(story, now, timeZone);
            var original = story.TranslationOf is { } of ? byFile[of] : null;
            var article = new Article
            {
                Headline = story.Headline,
                Slug = story.Slug,
                SecondHeadline = story.SecondHeadline,
                Standfirst = story.Standfirst,
                BodyMarkdown = story.BodyWithImages(name => DemoLibrary.UrlOf(images, name)),
                Language = story.Language,
                Status = story.Scheduled ? ArticleStatus.Scheduled : ArticleStatus.Published,
                PublishedAt = published,
                CreatedAt = (published < now ? published : now).AddMinutes(-40),
                Section = sections[story.Section],
                Tags = [.. story.Tags.Select(name => tags[Slugs.Create(name)])],
                Authors = [.. story.Authors.Select((slug, position) => new ArticleAuthor { Author = authors[slug], Position = position })],
                FeaturedFigure = story.Figure is null ? null : new Figure
                {
                    ImageUrl = DemoLibrary.UrlOf(images, story.Figure),
                    AltText = story.FigureAlt!,
                    Caption = story.FigureCaption,
                    Credit = story.FigureCredit,
                    MediaId = images[story.Figure].Id,
                    Width = images[story.Figure].Width,
                    Height = images[story.Figure].Height,
                },
                // As Translations/ArticleTranslations.cs links a translation: same group, its original, and the
                // original's text fingerprint, so the editor shows it up to date.
                TranslationGroup = groups.TryGetValue(story.TranslationOf ?? story.FileName, out var group) ? group : null,
                TranslationSourceId = original?.Id,
                TranslationSourceHash = original is null ? null : Translations.ArticleTranslations.Fingerprint(original),
            };
            await editor.SaveAsync(article, cancellationToken);
            byFile[story.FileName] = article;
            saved.Add((article, updated));
        }

        // The editor stamps every save with "now"; a demo story was last touched when the newsroom says it was,
        // so only the one written as edited shows an "updated" time.
        foreach (var (article, updatedAt) in saved)
            article.UpdatedAt = updatedAt;
        await db.SaveChangesAsync(cancellationToken);
        return saved.Count;
    }

    /// <summary>
    /// When a story went out and was last edited. A story set for a clock time still to come today went out at
    /// that time yesterday instead, so every published demo story is in the past whenever the site first starts.
    /// </summary>
    internal static (DateTime Published, DateTime Updated) Times(DemoArticle story, DateTime nowUtc, TimeZoneInfo timeZone)
    {
        var published = story.Published.ToUtc(nowUtc, timeZone);
        var updated = story.Updated?.ToUtc(nowUtc, timeZone);
        if (!story.Scheduled && published > nowUtc)
        {
            published = published.AddDays(-1);
            updated = updated?.AddDays(-1);
        }
        if (updated > nowUtc)
            updated = nowUtc;
        return (published, updated ?? (story.Scheduled ? nowUtc : published));
    }

    private static void Check(List<DemoArticle> stories)
    {
        var sections = Sections().Select(s => s.Slug).ToHashSet();
        var authors = Authors().Select(a => a.Slug).ToHashSet();
        var images = DemoResources.Names("images/").ToHashSet();
        var slugs = new HashSet<(string, string)>();
        foreach (var story in stories)
        {
            void Require(bool condition, string reason)
            {
                if (!condition)
                    throw new InvalidDataException($"Demo story {story.FileName}: {reason}.");
            }
            Require(slugs.Add((story.Language, story.Slug)), $"another {story.Language} story has the slug '{story.Slug}'");
            Require(sections.Contains(story.Section), $"section '{story.Section}' is not one of {string.Join(", ", sections)}");
            foreach (var author in story.Authors)
                Require(authors.Contains(author), $"author '{author}' is not one of {string.Join(", ", authors)}");
            foreach (var image in story.InlineImages.Append(story.Figure).OfType<string>())
                Require(images.Contains(image), $"image '{image}' is not in Demo/images");
            Require(story.Updated is null || story.Updated.Value.IsAfter(story.Published), "'updated' must come after 'published'");
        }
        var byFile = stories.ToDictionary(s => s.FileName);
        foreach (var story in stories.Where(s => s.TranslationOf is not null))
        {
            void Require(bool condition, string reason)
            {
                if (!condition)
                    throw new InvalidDataException($"Demo story {story.FileName}: {reason}.");
            }
            Require(byFile.TryGetValue(story.TranslationOf!, out var original), $"translation-of '{story.TranslationOf}' names no demo story file");
            Require(original!.TranslationOf is null, $"'{story.TranslationOf}' is itself a translation; name its original");
            Require(original.Language != story.Language, $"'{story.TranslationOf}' is in the same language");
            Require(stories.Count(s => s.TranslationOf == story.TranslationOf && s.Language == story.Language) == 1,
                $"'{story.TranslationOf}' has two {story.Language} translations");
        }
        foreach (var story in stories)
        {
            foreach (var target in story.ReadAlsoSlugs)
            {
                if (!slugs.Contains((story.Language, target)))
                    throw new InvalidDataException($"Demo story {story.FileName}: read-also '{target}' names no {story.Language} demo story.");
            }
        }
    }

    /// <summary>Orders the stories so that each read-also target and each original is saved before the story that names it.</summary>
    private static List<DemoArticle> TargetsFirst(List<DemoArticle> stories)
    {
        var bySlug = stories.ToDictionary(s => (s.Language, s.Slug));
        var byFile = stories.ToDictionary(s => s.FileName);
        var ordered = new List<DemoArticle>();
        var visiting = new HashSet<DemoArticle>();
        void Visit(DemoArticle story)
        {
            if (ordered.Contains(story))
                return;
            if (!visiting.Add(story))
                throw new InvalidDataException($"Demo story {story.FileName}: its read-also links go round in a circle.");
            if (story.TranslationOf is { } original)
                Visit(byFile[original]);
            foreach (var target in story.ReadAlsoSlugs)
                Visit(bySlug[(story.Language, target)]);
            visiting.Remove(story);
            ordered.Add(story);
        }
        stories.ForEach(Visit);
        return ordered;
    }

    /// <summary>Copies the demo images into the media folder; their sizes by file name.</summary>
    public async Task<Dictionary<string, (int Width, int Height)>> CopyImagesAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(MediaFiles.Directory(options.Value), "demo");
        Directory.CreateDirectory(folder);
        var sizes = new Dictionary<string, (int, int)>();
        foreach (var name in DemoResources.Names("images/"))
        {
            var bytes = DemoResources.ReadBytes("images/" + name);
            await File.WriteAllBytesAsync(Path.Combine(folder, name), bytes, cancellationToken);
            sizes[name] = JpegSize.Read(bytes) ?? throw new InvalidDataException($"Demo image {name} is not a JPEG file.");
        }
        return sizes;
    }

    /// <summary>Keeps what the database already has under the same slug (a site emptied of stories keeps its sections).</summary>
    private static async Task<Dictionary<string, T>> FindOrAddAsync<T>(
        DbSet<T> set, IEnumerable<T> wanted, Func<T, string> slugOf, CancellationToken cancellationToken) where T : class
    {
        var existing = (await set.ToListAsync(cancellationToken)).ToDictionary(slugOf);
        foreach (var item in wanted)
        {
            if (existing.TryAdd(slugOf(item), item))
                set.Add(item);
        }
        return existing;
    }
}
