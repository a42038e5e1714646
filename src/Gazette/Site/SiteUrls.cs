namespace Gazette.Site;

public static class SiteUrls
{
    public static string BaseUrl(SiteSettings settings, HttpRequest request) =>
        string.IsNullOrWhiteSpace(settings.BaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : settings.BaseUrl.TrimEnd('/');

    public static string Absolute(SiteSettings settings, HttpRequest request, string path) =>
        path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? path
            : BaseUrl(settings, request) + (path.StartsWith('/') ? path : "/" + path);
}
