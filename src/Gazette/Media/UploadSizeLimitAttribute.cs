using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Gazette.Media;

/// <summary>
/// Sizes the request body limits of an upload form to the site's <see cref="Site.SiteSettings.MaxUploadMegabytes"/>,
/// before anything (antiforgery included) reads the form. A file a little over the limit still arrives, so the form
/// can say so next to the field; a body far over it is not read at all and the page says why.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the multipart framing and the text fields next to the file.</summary>
    public const long FormSlack = 1024 * 1024;

    /// <summary>Before the antiforgery check (order 1000), which reads the form.</summary>
    public int Order => 0;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
            return;
        var library = http.RequestServices.GetRequiredService<MediaLibrary>();
        var limit = await library.LimitBytesAsync(http.RequestAborted) + FormSlack;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new RedirectResult($"{http.Request.Path}?tooLarge=true");
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = limit;
        if (http.Request.HasFormContentType)
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
