using Microsoft.Extensions.FileProviders;

namespace Gazette.Media;

public static class MediaFiles
{
    public const string UrlPrefix = "/media";

    public static string Directory(GazetteOptions options) => Path.Combine(options.FullDataDirectory, "media");

    /// <summary>Serves uploaded and demo images from the data folder under <c>/media</c>.</summary>
    public static WebApplication UseGazetteMedia(this WebApplication app, GazetteOptions options)
    {
        var folder = Directory(options);
        System.IO.Directory.CreateDirectory(folder);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = UrlPrefix,
            OnPrepareResponse = context =>
                context.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        return app;
    }
}
