using System.Net;
using System.Text;
using System.Text.Json;

using Gazette.Accounts;
using Gazette.Security;
using Gazette.Tests.Api;
using Gazette.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;

namespace Gazette.Tests.Security;

/// <summary>The CSP report endpoint (Security/CspReports.cs): what it accepts, refuses, keeps and shows.</summary>
public abstract class CspReportTests(GazetteSite site) : SiteTest(site)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static StringContent Body(string json, string mediaType) => new(json, Encoding.UTF8, mediaType);

    internal static string OldReport(string page, string blocked = "https://tracker.example:8443/pixel.js?id=reader-42") =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["csp-report"] = new Dictionary<string, string>
            {
                ["document-uri"] = $"http://localhost{page}?q=private+search#top",
                ["violated-directive"] = "script-src-elem 'self'",
                ["effective-directive"] = "script-src-elem",
                ["blocked-uri"] = blocked,
                ["original-policy"] = "default-src 'self'",
            },
        });

    [Fact]
    public async Task A_report_in_either_format_answers_204_and_is_counted_without_anything_personal()
    {
        var page = $"/csp-test-{Guid.NewGuid():N}";
        var old = await Reader.PostAsync("/csp-report", Body(OldReport(page), "application/csp-report"), Cancel);
        Assert.Equal(HttpStatusCode.NoContent, old.StatusCode);
        var batch = $$$"""
            [{"type":"csp-violation","age":10,"url":"http://localhost{{{page}}}?token=secret","user_agent":"Chromium",
              "body":{"documentURL":"http://localhost{{{page}}}?token=secret","effectiveDirective":"script-src-elem","blockedURL":"https://tracker.example:8443/other.js","disposition":"enforce"}},
             {"type":"deprecation","body":{}}]
            """;
        var modern = await Reader.PostAsync("/csp-report", Body(batch, "application/reports+json"), Cancel);
        Assert.Equal(HttpStatusCode.NoContent, modern.StatusCode);

        var (client, _, _) = await Site.ApiClientAsync(Roles.Administrator);
        var listed = JsonDocument.Parse(await client.GetStringAsync("/api/v1/admin/csp-reports", Cancel)).RootElement;
        var row = Assert.Single(listed.EnumerateArray(), r => r.GetProperty("pagePath").GetString() == page);
        Assert.Equal("script-src-elem", row.GetProperty("directive").GetString());
        Assert.Equal("https://tracker.example:8443", row.GetProperty("blocked").GetString());
        Assert.Equal(2, row.GetProperty("count").GetInt32());
        Assert.DoesNotContain("secret", listed.GetRawText());
        Assert.DoesNotContain("reader-42", listed.GetRawText());

        var (browser, _) = await Site.SignedInAsAsync(Roles.Administrator);
        var newsroom = await browser.GetStringAsync("/admin/csp", Cancel);
        Assert.Contains(page, newsroom);
        Assert.Contains("https://tracker.example:8443", newsroom);
    }

    [Fact]
    public async Task Only_administrators_see_the_counts()
    {
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        // The newsroom sends a signed-in member without the right to its access-denied page.
        var denied = await editor.GetAsync("/admin/csp", Cancel);
        Assert.Equal(HttpStatusCode.Found, denied.StatusCode);
        Assert.Contains("denied", denied.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
        var (client, _, _) = await Site.ApiClientAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/admin/csp-reports", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Reader.GetAsync("/api/v1/admin/csp-reports", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"something":"else"}""")]
    [InlineData("[1,2,3]")]
    public async Task A_body_that_is_no_report_answers_400_with_a_message(string body)
    {
        var response = await Reader.PostAsync("/csp-report", Body(body, "application/csp-report"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("detail", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_body_over_16_KB_answers_413()
    {
        var huge = OldReport("/huge", "https://x.example/" + new string('a', CspReports.MaxBodyBytes));
        var response = await Reader.PostAsync("/csp-report", Body(huge, "application/csp-report"), Cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        // Without a Content-Length (chunked), the body is cut off all the same.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new("application/csp-report");
        var request = new HttpRequestMessage(HttpMethod.Post, "/csp-report") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Reader.SendAsync(request, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Another_media_type_answers_415()
    {
        var response = await Reader.PostAsync("/csp-report", Body(OldReport("/x"), "text/plain"), Cancel);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}

public sealed class CspReportTestsOnSqlite(SqliteSite site) : CspReportTests(site);

public sealed class CspReportTestsOnPostgres(PostgresSite site) : CspReportTests(site);

/// <summary>The report endpoint's rate limit, on a site of its own so that the shared sites' tests never meet it.</summary>
public sealed class CspReportRateLimitTests
{
    private sealed class LimitedSite : SqliteSite
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Gazette:CspReportRateLimit", "3");
            builder.UseSetting("Gazette:DemoContent", "false");
        }
    }

    [Fact]
    public async Task A_client_sending_too_many_reports_gets_429()
    {
        await using var site = new LimitedSite();
        await site.InitializeAsync();
        var reader = site.CreateReader();
        for (var i = 0; i < 3; i++)
        {
            var accepted = await reader.PostAsync("/csp-report", CspReportTests.Body(CspReportTests.OldReport("/limited"), "application/csp-report"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        }
        var refused = await reader.PostAsync("/csp-report", CspReportTests.Body(CspReportTests.OldReport("/limited"), "application/csp-report"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        SecurityHeaderTests.AssertSecurityHeaders(refused);
    }
}

public sealed class CspReportReductionTests
{
    [Theory]
    [InlineData("https://cdn.example/lib.js?user=42", "https://cdn.example")]
    [InlineData("HTTP://Cdn.Example:8080/a", "http://cdn.example:8080")]
    [InlineData("data:image/png;base64,AAAA", "data:")]
    [InlineData("blob:https://localhost/123", "blob:")]
    [InlineData("inline", "inline")]
    [InlineData("eval", "eval")]
    [InlineData("", "none")]
    [InlineData("chrome-extension-something weird", "other")]
    public void The_blocked_resource_is_reduced_to_its_origin_or_scheme(string blocked, string kept) =>
        Assert.Equal(kept, CspReports.ReduceBlocked(blocked));

    [Theory]
    [InlineData("https://news.example/comments/mine?token=abc#x", "/comments/mine")]
    [InlineData("not a url", "unknown")]
    [InlineData(null, "unknown")]
    public void The_page_keeps_its_path_only(string? page, string kept) => Assert.Equal(kept, CspReports.ReducePage(page));

    [Theory]
    [InlineData("script-src-elem 'self'", "script-src-elem")]
    [InlineData("IMG-SRC", "img-src")]
    [InlineData("<script>", "unknown")]
    public void The_directive_keeps_its_name_only(string directive, string kept) => Assert.Equal(kept, CspReports.ReduceDirective(directive));
}
