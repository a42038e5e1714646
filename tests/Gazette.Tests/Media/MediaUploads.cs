using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

using Gazette.Data;
using Gazette.Media;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gazette.Tests.Media;

/// <summary>Uploads through the real form, as a browser would, and looks at what the library stored.</summary>
public static partial class MediaUploads
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient browser, byte[] file, string fileName,
        string alt = "A test image", string contentType = "image/jpeg", string? caption = null, string? credit = null)
    {
        var form = await browser.GetStringAsync("/admin/media", TestContext.Current.CancellationToken);
        var token = Token().Match(form);
        Assert.True(token.Success, "no antiforgery token on /admin/media");
        using var content = new MultipartFormDataContent();
        var filePart = new ByteArrayContent(file);
        filePart.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(filePart, "Form.File", fileName);
        content.Add(new StringContent(alt), "Form.AltText");
        content.Add(new StringContent(caption ?? ""), "Form.Caption");
        content.Add(new StringContent(credit ?? ""), "Form.Credit");
        content.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        return await browser.PostAsync("/admin/media", content, TestContext.Current.CancellationToken);
    }

    /// <summary>Uploads and returns the stored item, asserting it went through.</summary>
    public static async Task<MediaItem> UploadItemAsync(this GazetteSite site, HttpClient browser, byte[] file, string fileName, string alt = "A test image")
    {
        var response = await browser.UploadAsync(file, fileName, alt);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"upload answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 3000)]}");
        var id = int.Parse(ItemId().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
        return await site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().MediaItems.AsNoTracking()
            .FirstAsync(m => m.Id == id, TestContext.Current.CancellationToken));
    }

    public static Task<MediaItem?> FindByFileNameAsync(this GazetteSite site, string fileName) =>
        site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().MediaItems.AsNoTracking()
            .FirstOrDefaultAsync(m => m.OriginalFileName == fileName, TestContext.Current.CancellationToken));

    /// <summary>The folder the library would use for these bytes.</summary>
    public static string FolderFor(this GazetteSite site, byte[] file) =>
        Path.Combine(MediaFiles.LibraryDirectory(site.Services.GetRequiredService<IOptions<GazetteOptions>>().Value),
            Convert.ToHexStringLower(SHA256.HashData(file))[..32]);

    public static string LibraryFolder(this GazetteSite site) =>
        MediaFiles.LibraryDirectory(site.Services.GetRequiredService<IOptions<GazetteOptions>>().Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"^/admin/media/(\d+)")]
    private static partial Regex ItemId();
}
