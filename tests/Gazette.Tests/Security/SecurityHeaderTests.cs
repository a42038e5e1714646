using System.Net;
using System.Text.RegularExpressions;

using Gazette.Accounts;
using Gazette.Tests.Infrastructure;
using Gazette.Tests.Media;

namespace Gazette.Tests.Security;

/// <summary>Every kind of answer carries the same security headers (Security/SecurityHeaders.cs).</summary>
public abstract class SecurityHeaderTests(GazetteSite site) : SiteTest(site)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri}: no {name} header");

        var csp = Header("Content-Security-Policy");
        foreach (var directive in new[]
        {
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "object-src 'none'",
            "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "report-uri /csp-report",
        })
            Assert.Contains(directive, csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        // The tests speak plain HTTP: nothing that only means something over HTTPS.
        Assert.DoesNotContain("upgrade-insecure-requests", csp);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));

        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Equal("same-origin", Header("Cross-Origin-Opener-Policy"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        // The newsroom signs in with passkeys: WebAuthn stays allowed on Gazette's own pages (a bare token, valid structured-header syntax).
        var permissions = Header("Permissions-Policy");
        foreach (var off in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()" })
            Assert.True(permissions.Contains(off, StringComparison.Ordinal), permissions);
        Assert.True(permissions.Contains("publickey-credentials-get=self", StringComparison.Ordinal), permissions);
        Assert.True(permissions.Contains("publickey-credentials-create=self", StringComparison.Ordinal), permissions);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/search?q=harbour", HttpStatusCode.OK)]
    [InlineData("/api/v1/stories", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/robots.txt", HttpStatusCode.OK)]
    [InlineData("/no-such-page-at-all", HttpStatusCode.NotFound)]
    [InlineData("/admin", HttpStatusCode.Redirect)]
    public async Task Every_kind_of_answer_carries_the_security_headers(string path, HttpStatusCode expected)
    {
        var response = await Reader.GetAsync(path, Cancel);
        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_newsroom_page_carries_the_security_headers()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Administrator);
        var response = await browser.GetAsync("/admin", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_media_file_carries_the_security_headers_and_the_type_of_its_stored_format()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Editor);
        var item = await Site.UploadItemAsync(browser, TestImages.Png(600, 300), $"headers-{Guid.NewGuid():N}.png");
        var response = await Reader.GetAsync($"/media/lib/{item.StorageKey}/480.png", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(response);
    }
}

public sealed class SecurityHeaderTestsOnSqlite(SqliteSite site) : SecurityHeaderTests(site);

public sealed class SecurityHeaderTestsOnPostgres(PostgresSite site) : SecurityHeaderTests(site);

/// <summary>
/// script-src and style-src 'self' hold only while the views have no inline script, event handler or style attribute:
/// this keeps it so. JSON-LD (<c>type="application/ld+json"</c>) is data, never run, and is allowed.
/// </summary>
public sealed partial class InlineCodeGuardTests
{
    [Fact]
    public void No_view_has_inline_script_handlers_or_styles()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Gazette.slnx")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Gazette.slnx not found above the test output");
        var found = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((text, index) => (file, line: index + 1, text)))
            .Where(line => InlineScript().IsMatch(line.text) || Handler().IsMatch(line.text) || StyleAttribute().IsMatch(line.text) || StyleElement().IsMatch(line.text))
            .Select(line => $"{Path.GetRelativePath(root, line.file)}:{line.line}: {line.text.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "Inline code the Content-Security-Policy would block:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_guard_sees_what_it_must()
    {
        Assert.Matches(InlineScript(), "<script>alert(1)</script>");
        Assert.DoesNotMatch(InlineScript(), """<script src="~/js/editor.js" defer></script>""");
        Assert.DoesNotMatch(InlineScript(), """@Html.Raw("<script type=\"application/ld+json\">" + jsonLd + "</script>")""");
        Assert.Matches(Handler(), """<button onclick="go()">""");
        Assert.Matches(StyleAttribute(), """<p style="color:red">""");
    }

    // A <script> element without src, other than a JSON-LD data block.
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();

    [GeneratedRegex(@"<[a-z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<style[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();
}

/// <summary>What only means something over HTTPS is sent over HTTPS, and only there.</summary>
public sealed class SecurityHeadersOverHttpsTests(SqliteSite site) : SiteTest(site)
{
    [Fact]
    public async Task Over_https_the_policy_upgrades_requests_and_hsts_is_sent()
    {
        // Not localhost: browsers (and the library) never pin HSTS on it.
        var client = Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://news.example/"),
        });
        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("upgrade-insecure-requests", string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.StartsWith("max-age=31536000", string.Join(", ", response.Headers.GetValues("Strict-Transport-Security")));
    }
}
