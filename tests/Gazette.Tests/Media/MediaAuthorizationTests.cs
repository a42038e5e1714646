using System.Net;

using Gazette.Accounts;
using Gazette.Media;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Media;

/// <summary>
/// Who may do what in the media library: every newsroom role sees and uploads; the uploader and editors (and
/// administrators) change or delete an item; an image a story uses cannot be deleted.
/// </summary>
public abstract class MediaAuthorizationTests(GazetteSite site) : SiteTest(site)
{
    [Theory]
    [InlineData("/admin/media")]
    [InlineData("/admin/media/1")]
    public async Task Anonymous_readers_are_sent_to_sign_in(string path)
    {
        var response = await Reader.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/sign-in", response.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Anonymous_uploads_are_refused()
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Jpeg(100, 100)), "Form.File", "x.jpg" } };
        var response = await Reader.PostAsync("/admin/media", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/sign-in", response.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_user_without_a_newsroom_role_is_denied()
    {
        var (browser, _) = await Site.SignedInAsAsync(null);
        var response = await browser.GetAsync("/admin/media", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/denied", response.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The JSON endpoint answers scripts with status codes, not sign-in pages (ASP.NET Core 10 does so for API endpoints).</summary>
    [Fact]
    public async Task The_picker_endpoint_answers_401_to_anonymous_and_403_to_a_user_without_a_role()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Reader.GetAsync("/admin/api/media?q=x", TestContext.Current.CancellationToken)).StatusCode);
        var (browser, _) = await Site.SignedInAsAsync(null);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/admin/api/media", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Contributor)]
    [InlineData(Roles.Author)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Administrator)]
    public async Task Every_newsroom_role_may_upload_and_edit_its_own_images(string role)
    {
        var (browser, user) = await Site.SignedInAsAsync(role);
        var item = await Site.UploadItemAsync(browser, TestImages.Jpeg(400, 300, quality: 60 + role.Length), $"{role}-{Guid.NewGuid():N}.jpg");
        Assert.Equal(user.Id, item.UploadedByUserId);

        var saved = await browser.PostFormAsync($"/admin/media/{item.Id}", new() { ["Form.AltText"] = $"Edited by {role}", ["Form.Caption"] = "", ["Form.Credit"] = "Staff" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await browser.GetStringAsync($"/admin/media/{item.Id}", TestContext.Current.CancellationToken);
        Assert.Contains($"Edited by {role}", page);
    }

    [Theory]
    [InlineData(Roles.Contributor)]
    [InlineData(Roles.Author)]
    public async Task Contributors_and_authors_may_use_but_not_change_someone_elses_image(string role)
    {
        var item = await UploadAsSomeoneAsync();
        var (browser, _) = await Site.SignedInAsAsync(role);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/admin/media/{item.Id}", TestContext.Current.CancellationToken)).StatusCode);
        var edit = await browser.PostFormAsync($"/admin/media/{item.Id}", new() { ["Form.AltText"] = "Hijacked" }, "/admin/media");
        Assert.StartsWith("/admin/denied", edit.Headers.Location?.AbsolutePath ?? "", StringComparison.OrdinalIgnoreCase);
        var delete = await browser.PostFormAsync($"/admin/media/{item.Id}?handler=Delete", [], "/admin/media");
        Assert.StartsWith("/admin/denied", delete.Headers.Location?.AbsolutePath ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.True(Directory.Exists(Path.Combine(Site.LibraryFolder(), item.StorageKey)));
    }

    [Fact]
    public async Task An_editor_may_delete_someone_elses_image_unless_a_story_uses_it()
    {
        var unused = await UploadAsSomeoneAsync();
        var used = await UploadAsSomeoneAsync();
        await Site.CreateAsync(TestArticles.UniqueHeadline("Uses a library image"), a =>
            a.FeaturedFigure = new Figure { ImageUrl = MediaFiles.DefaultUrl(used), AltText = "Alt", MediaId = used.Id });
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);

        var refused = await editor.PostFormAsync($"/admin/media/{used.Id}?handler=Delete", [], $"/admin/media/{used.Id}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("A story uses this image", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(Directory.Exists(Path.Combine(Site.LibraryFolder(), used.StorageKey)));

        var deleted = await editor.PostFormAsync($"/admin/media/{unused.Id}?handler=Delete", [], $"/admin/media/{unused.Id}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/media/{unused.Id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(Site.LibraryFolder(), unused.StorageKey)));
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync(MediaFiles.DefaultUrl(unused), TestContext.Current.CancellationToken)).StatusCode);
    }

    private async Task<MediaItem> UploadAsSomeoneAsync()
    {
        var (uploader, _) = await Site.SignedInAsAsync(Roles.Contributor);
        return await Site.UploadItemAsync(uploader, TestImages.Jpeg(300 + Random.Shared.Next(200), 200), $"someone-{Guid.NewGuid():N}.jpg");
    }
}

public sealed class MediaAuthorizationTestsOnSqlite(SqliteSite site) : MediaAuthorizationTests(site);

public sealed class MediaAuthorizationTestsOnPostgres(PostgresSite site) : MediaAuthorizationTests(site);
