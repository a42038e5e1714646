using Gazette.Caching;

using Microsoft.Extensions.FileProviders;

namespace Gazette.Media;

public static class MediaFiles
{
    public const string UrlPrefix = "/media";

    /// <summary>Where the media library's variants are served: each image's folder is named by its content hash.</summary>
    public const string LibraryUrlPrefix = "/media/lib";

    public static string Directory(GazetteOptions options) => Path.Combine(options.FullDataDirectory, "media");

    public static string LibraryDirectory(GazetteOptions options) => Path.Combine(Directory(options), "lib");

    /// <summary>
    /// Serves uploaded and demo images from the data folder under <c>/media</c>. Library files are named by a hash
    /// of their content, so their URL never changes meaning and browsers and CDNs may keep them for a year.
    /// </summary>
    public static WebApplication UseGazetteMedia(this WebApplication app, GazetteOptions options)
    {
        var folder = Directory(options);
        System.IO.Directory.CreateDirectory(folder);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = UrlPrefix,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = context.Context.Request.Path.StartsWithSegments(LibraryUrlPrefix)
                    ? PageLifetimes.ImmutableFile
                    : PageLifetimes.MediaOriginal;
                headers.XContentTypeOptions = "nosniff";
            },
        });
        return app;
    }

    /// <summary>The URL of one stored variant of a library image.</summary>
    public static string VariantUrl(MediaItem item, int width, string extension) =>
        $"{LibraryUrlPrefix}/{item.StorageKey}/{width}.{extension}";

    public static IReadOnlyList<int> Widths(MediaItem item) =>
        item.VariantWidths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => int.TryParse(w, out var width) ? width : 0).Where(w => w > 0).Order().ToList();

    /// <summary>The largest variant in the image's own format: what a figure's plain <c>src</c> points to.</summary>
    public static string DefaultUrl(MediaItem item) =>
        VariantUrl(item, DefaultSize(item).Width, ImageProcessor.FallbackExtension(item.ContentType));

    /// <summary>The pixel size of the largest variant (the original's, scaled down to the widest variant width).</summary>
    public static (int Width, int Height) DefaultSize(MediaItem item)
    {
        var width = Widths(item) is { Count: > 0 } widths ? widths[^1] : item.Width;
        var height = item.Width > 0 ? Math.Max(1, (int)Math.Round((double)item.Height * width / item.Width)) : item.Height;
        return (width, height);
    }
}
