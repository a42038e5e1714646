using System.Globalization;

using Gazette.Site;

namespace Gazette.Import.WordPress;

public sealed record WordPressImportOptions(string? UploadsDirectory = null, bool Download = false, string? Language = null, bool AllowPrivateAddresses = true);

/// <summary>
/// Imports a WordPress export in two readings of the file. The first checks all of it (XML, version, dates,
/// numbers) and keeps only the small things: authors, terms and attachments. Nothing is written unless the whole
/// file reads correctly. The second writes: authors, then images, then each post with its redirects in its own
/// transaction. Every imported thing is keyed on the source site and its WordPress id, so running the import again
/// skips what is unchanged and continues where an interrupted run stopped.
/// </summary>
public sealed class WordPressImporter(SiteContext site, WordPressPeople people, WordPressMedia media, WordPressPosts posts)
{
    public async Task<ImportSummary> ImportAsync(string file, WordPressImportOptions options, CancellationToken cancellationToken)
    {
        var timeZone = (await site.GetAsync(cancellationToken)).TimeZone;
        var contents = await ReadContentsAsync(file, timeZone, cancellationToken);
        var summary = new ImportSummary();
        foreach (var (type, count) in contents.SkippedTypes)
        {
            summary.For("other items").Skipped += count;
            summary.Warn($"{count} item(s) of type '{type}' are not imported (Gazette imports posts, pages and attachments)");
        }

        var source = contents.Site.BaseSiteUrl;
        var bylines = await people.ImportAsync(source, contents.Authors.Values, summary, cancellationToken);
        await media.ImportAsync(source, contents.Attachments.Values, new MediaSource(options.UploadsDirectory, options.Download, options.AllowPrivateAddresses), summary, cancellationToken);
        var context = new WordPressPosts.Context(contents.Site, contents.Categories, bylines, options.Language, timeZone, summary);
        await using (var stream = OpenRead(file))
        {
            await foreach (var entry in WxrReader.ReadAsync(stream, timeZone, cancellationToken))
            {
                if (entry is WxrItem { PostType: "post" or "page" } item)
                    await posts.ImportAsync(item, context, cancellationToken);
            }
        }
        return summary;
    }

    private sealed record Contents(
        WxrSite Site,
        Dictionary<string, WxrAuthor> Authors,
        Dictionary<string, WxrTerm> Categories,
        Dictionary<long, WxrItem> Attachments,
        Dictionary<string, int> SkippedTypes);

    private static async Task<Contents> ReadContentsAsync(string file, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        WxrSite? wxrSite = null;
        var authors = new Dictionary<string, WxrAuthor>(StringComparer.OrdinalIgnoreCase);
        var categories = new Dictionary<string, WxrTerm>(StringComparer.OrdinalIgnoreCase);
        var attachments = new Dictionary<long, WxrItem>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var postIds = new HashSet<long>();
        await using var stream = OpenRead(file);
        await foreach (var entry in WxrReader.ReadAsync(stream, timeZone, cancellationToken))
        {
            switch (entry)
            {
                case WxrSite s:
                    wxrSite = s;
                    break;
                case WxrAuthor author when author.Login.Length > 0:
                    authors.TryAdd(author.Login, author);
                    break;
                case WxrTerm { Domain: "category" } category when category.Slug.Length > 0:
                    categories.TryAdd(category.Slug, category);
                    break;
                case WxrItem { PostType: "attachment" } attachment:
                    // The body of an attachment is of no use here; keeping only its metadata keeps memory flat.
                    attachments[attachment.PostId] = attachment with { Content = "", Comments = [] };
                    break;
                case WxrItem { PostType: "post" or "page" } post:
                    if (!postIds.Add(post.PostId))
                        throw new WxrFormatException($"post {post.PostId} appears twice in the export", post.Line);
                    if (post.Status == "future" && post.DateUtc is null)
                        throw new WxrFormatException($"scheduled post {post.PostId} has no publication date", post.Line);
                    break;
                case WxrItem other:
                    skipped[other.PostType] = skipped.GetValueOrDefault(other.PostType) + 1;
                    break;
            }
        }
        if (wxrSite is null)
            throw new WxrFormatException("the file has no <channel>: it is not a WordPress export");
        return new Contents(wxrSite, authors, categories, attachments, skipped);
    }

    private static FileStream OpenRead(string file) =>
        new(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
