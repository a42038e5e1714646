using Gazette.Site;

namespace Gazette.Security;

/// <summary>
/// The security headers of every response: pages, newsroom, APIs, static assets, media and error pages alike. The
/// Content-Security-Policy is built here and only here: a later feature that needs more (embeds from another origin,
/// live updates over a socket) widens its directive in <see cref="ContentSecurityPolicy"/>, with a comment saying which
/// feature needs it, rather than sending a header of its own.
/// </summary>
public static class SecurityHeaders
{
    private const string HttpsPolicy = "https";

    public static WebApplicationBuilder AddGazetteSecurityHeaders(this WebApplicationBuilder builder)
    {
        // Kestrel names itself in a Server header unless told not to: it tells an attacker what to try, a reader nothing.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(headers => Common(headers, https: false))
            .AddPolicy(HttpsPolicy, headers => Common(headers, https: true))
            // upgrade-insecure-requests and HSTS mean something only on a page that came over HTTPS; over plain HTTP
            // (a development machine, or a proxy that does not forward the scheme) they would break every link.
            .SetPolicySelector(context => context.HttpContext.Request.IsHttps ? context.ConfiguredPolicies[HttpsPolicy] : context.DefaultPolicy));
        return builder;
    }

    /// <summary>
    /// First in the pipeline after the exception handler (which clears headers when it re-executes, and so runs this
    /// again): every answer below, static files and media included, carries the headers.
    /// </summary>
    public static IApplicationBuilder UseGazetteSecurityHeaders(this IApplicationBuilder app) => app.UseSecurityHeaders();

    private static void Common(HeaderPolicyCollection headers, bool https)
    {
        headers.AddContentTypeOptionsNoSniff();
        headers.AddReferrerPolicyStrictOriginWhenCrossOrigin();
        headers.AddCrossOriginOpenerPolicy(policy => policy.SameOrigin());
        // Older browsers that read no frame-ancestors still honour this one.
        headers.AddFrameOptionsDeny();
        headers.RemoveServerHeader();
        headers.AddContentSecurityPolicy(csp => ContentSecurityPolicy(csp, https));
        headers.AddPermissionsPolicy(PermissionsPolicy);
        if (https)
            headers.AddStrictTransportSecurityMaxAge(maxAgeInSeconds: 365 * 24 * 60 * 60);
    }

    /// <summary>
    /// Nothing but Gazette's own files: no inline script or style (the views have none, and the guard test in
    /// tests/Gazette.Tests/Security keeps it so), no plugin, no framing. JSON-LD (<c>application/ld+json</c>) is data,
    /// never run, so script-src does not apply to it.
    /// </summary>
    private static void ContentSecurityPolicy(CspBuilder csp, bool https)
    {
        csp.AddDefaultSrc().Self();
        csp.AddScriptSrc().Self();
        csp.AddStyleSrc().Self();
        // data: for the authenticator QR code drawn inline on the two-factor page (Admin/Account/TwoFactor). Images
        // of another origin in a story body are blocked: imports copy them into the media library.
        csp.AddImgSrc().Self().Data();
        csp.AddFontSrc().Self();
        csp.AddConnectSrc().Self();
        csp.AddObjectSrc().None();
        csp.AddBaseUri().Self();
        csp.AddFormAction().Self();
        csp.AddFrameAncestors().None();
        if (https)
            csp.AddUpgradeInsecureRequests();
        // report-uri only, no report-to: Chromium ignores report-uri as soon as report-to is there, and with a
        // relative Reporting-Endpoints entry (the site's origin is whatever the request came to) it delivered nothing
        // (tests/Gazette.BrowserTests/Security/CspTests.cs). The endpoint still reads the Reporting API's format, for
        // the day a report-to with the configured public URL is added here.
        csp.AddReportUri().To(Addresses.Templates.CspReport);
    }

    /// <summary>Every powerful feature off, save passkeys: the newsroom signs in with WebAuthn, on its own pages only.</summary>
    private static void PermissionsPolicy(PermissionsPolicyBuilder permissions)
    {
        permissions.AddAccelerometer().None();
        permissions.AddAmbientLightSensor().None();
        permissions.AddAutoplay().None();
        permissions.AddBluetooth().None();
        permissions.AddCamera().None();
        permissions.AddDisplayCapture().None();
        permissions.AddEncryptedMedia().None();
        permissions.AddGeolocation().None();
        permissions.AddGyroscope().None();
        permissions.AddHid().None();
        permissions.AddIdleDetection().None();
        permissions.AddMagnetometer().None();
        permissions.AddMicrophone().None();
        permissions.AddMidi().None();
        permissions.AddPayment().None();
        permissions.AddPictureInPicture().None();
        permissions.AddScreenWakeLock().None();
        permissions.AddSerialPermissions().None();
        permissions.AddUsb().None();
        permissions.AddXrSpatialTracking().None();
        permissions.AddPublickeyCredentialsGet().Self();
        permissions.AddPublickeyCredentialsCreate().Self();
    }
}
