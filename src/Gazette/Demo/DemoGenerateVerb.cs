using System.Diagnostics;
using System.Globalization;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Articles.Markdown;
using Gazette.Authors;
using Gazette.Data;
using Gazette.Demo.Generator;
using Gazette.Media;
using Gazette.Search;
using Gazette.Sections;
using Gazette.Tags;
using Gazette.Text;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Demo;

/// <summary>
/// <c>gazette demo generate --articles N [--seed S]</c>: adds N generated, published stories to the configured
/// database for benchmarks, in batches, then rebuilds the search index. Comments are not generated: there is no
/// comment entity yet.
/// </summary>
public static class DemoGenerateVerb
{
    public const string Usage = """
        Usage: gazette demo generate --articles N [--seed S] [--Key value …]

        Adds N generated stories (French, English, Dutch, German, Spanish and Italian; sections, tags, authors,
        figures, dates over the last five years) to the configured database (Database:Provider,
        ConnectionStrings:Gazette, Gazette:DataDirectory), then rebuilds the search index. Stop the server of this
        data folder first. The same seed gives the same stories. Settings may follow as --Gazette:DataDirectory DIR.
        """;

    private const int BatchSize = 500;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, null, CancellationToken.None);

    /// <param name="args">the arguments after <c>demo generate</c>.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        IEnumerable<KeyValuePair<string, string?>>? settings, CancellationToken cancellationToken)
    {
        if (args is [] or ["--help" or "-h", ..])
        {
            await output.WriteLineAsync(Usage);
            return args is [] ? 1 : 0;
        }
        int? count = null;
        var seed = 1;
        var overrides = new List<KeyValuePair<string, string?>>(settings ?? []);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--articles" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1_000_000:
                    count = n;
                    i++;
                    break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    i++;
                    break;
                case "--articles" or "--seed":
                    return await FailAsync(error, $"{args[i]} needs a whole number{(args[i] == "--articles" ? " from 1 to 1,000,000" : "")}.");
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains(':') && i + 1 < args.Length:
                    overrides.Add(new(setting[2..], args[++i]));
                    break;
                default:
                    return await FailAsync(error, $"unexpected argument '{args[i]}'.");
            }
        }
        if (count is null)
            return await FailAsync(error, "--articles N is required.");

        var watch = Stopwatch.StartNew();
        await using var app = await VerbHost.StartDatabaseAsync(overrides, cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
        var added = await AddArticlesAsync(scope.ServiceProvider, db, count.Value, seed, cancellationToken);
        var inserted = watch.Elapsed;
        var index = app.Services.GetRequiredService<SearchIndex>();
        try
        {
            db.ChangeTracker.Clear();
            await index.RebuildAsync(db, cancellationToken);
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            await error.WriteLineAsync($"gazette demo generate: added {added} stories, but the search index in {index.Folder} is in use by a running Gazette, which will index them itself.");
            return 0;
        }
        await output.WriteLineAsync(
            $"Added {added} stories in {inserted.TotalSeconds:F1} s ({added / Math.Max(inserted.TotalSeconds, 0.001):F0}/s); search index rebuilt in {(watch.Elapsed - inserted).TotalSeconds:F1} s.");
        return 0;
    }

    private static async Task<int> AddArticlesAsync(IServiceProvider services, GazetteDb db, int count, int seed, CancellationToken cancellationToken)
    {
        var markdown = services.GetRequiredService<ArticleMarkdown>();
        var imageSizes = await services.GetRequiredService<DemoContent>().CopyImagesAsync(cancellationToken);
        var sections = await FindOrAddAsync(db, PhraseBook.Sections.Select(s => new Section { Name = s.Name, Slug = s.Slug, Position = 10 }), s => s.Slug, cancellationToken);
        var authors = await FindOrAddAsync(db, PhraseBook.All.Select(b => new Author
        {
            Name = b.AuthorName,
            Slug = Slugs.Create(b.AuthorName),
            Bio = $"{b.AuthorName} writes the generated stories in {b.Language}.",
        }), a => a.Slug, cancellationToken);
        var tags = await FindOrAddAsync<Tag>(db, [], t => t.Slug, cancellationToken);
        // Slugs end with a number above every story id so far: unique without asking the database each time.
        var serial = (await db.Articles.IgnoreQueryFilters().MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0) + 1;
        var generator = new ArticleGenerator(seed, DateTime.UtcNow);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var done = 0; done < count; done += BatchSize)
        {
            db.ChangeTracker.Clear();
            db.AttachRange(sections.Values);
            db.AttachRange(authors.Values);
            db.AttachRange(tags.Values);
            var batch = new List<Article>();
            for (var i = done; i < Math.Min(count, done + BatchSize); i++)
            {
                var story = generator.Next();
                var slug = Slugs.Create(story.Headline);
                var article = new Article
                {
                    Headline = story.Headline,
                    Standfirst = story.Standfirst,
                    BodyMarkdown = story.BodyMarkdown,
                    BodyHtml = await markdown.RenderAsync(story.BodyMarkdown, story.Language, cancellationToken),
                    Language = story.Language,
                    Slug = $"{slug[..Math.Min(slug.Length, 80)]}-{serial++}",
                    Status = ArticleStatus.Published,
                    PublishedAt = story.PublishedAt,
                    CreatedAt = story.PublishedAt.AddMinutes(-30),
                    UpdatedAt = story.PublishedAt,
                    Version = Guid.NewGuid(),
                    Section = sections[story.SectionSlug],
                    Authors = [new ArticleAuthor { Author = authors[Slugs.Create(story.Author)], Position = 0 }],
                    Tags = story.Tags.Select(name => Tag(name)).DistinctBy(t => t.Slug).ToList(),
                    FeaturedFigure = story.Figure is null ? null : new Figure
                    {
                        ImageUrl = DemoContent.MediaUrl + story.Figure,
                        AltText = story.FigureAlt ?? "",
                        Width = imageSizes[story.Figure].Width,
                        Height = imageSizes[story.Figure].Height,
                    },
                };
                batch.Add(article);
            }
            db.Articles.AddRange(batch);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return count;

        Tag Tag(string name)
        {
            var slug = Slugs.Create(name);
            if (!tags.TryGetValue(slug, out var tag))
                db.Tags.Add(tags[slug] = tag = new Tag { Name = name, Slug = slug });
            return tag;
        }
    }

    private static async Task<Dictionary<string, T>> FindOrAddAsync<T>(GazetteDb db, IEnumerable<T> wanted, Func<T, string> slugOf,
        CancellationToken cancellationToken) where T : class
    {
        var existing = (await db.Set<T>().ToListAsync(cancellationToken)).ToDictionary(slugOf);
        foreach (var item in wanted)
        {
            if (existing.TryAdd(slugOf(item), item))
                db.Add(item);
        }
        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    private static async Task<int> FailAsync(TextWriter error, string reason)
    {
        await error.WriteLineAsync($"gazette demo generate: {reason}");
        return 1;
    }
}
