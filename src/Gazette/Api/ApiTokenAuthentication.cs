using System.Security.Claims;
using System.Text.Encodings.Web;

using Gazette.Accounts;
using Gazette.Data;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gazette.Api;

/// <summary>
/// <c>Authorization: Bearer gz_…</c>: signs the request in as the token's owner, with the roles they have now (read
/// from the database on every request), so a changed role, a locked account or a deleted user takes effect at once.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    GazetteDb db, UserManager<GazetteUser> users, IUserClaimsPrincipalFactory<GazetteUser> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The admin API's policy: a newsroom role, proved by a token only (a browser's cookie is not enough: CSRF).</summary>
    public const string Policy = "AdminApi";

    /// <summary>"Last used" is written at most this often per token, not on every request.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.Scheme, StringComparison.Ordinal) || secret.Length > 200)
            return AuthenticateResult.Fail("Not a Gazette API token.");
        var hash = ApiToken.HashOf(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token is null || !token.IsActive(now))
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
            return AuthenticateResult.Fail("The token's account is locked or gone.");

        if (token.LastUsedAt is not { } used || now - used > LastUsedResolution)
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);

        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, principal.Identities.First().NameClaimType, principal.Identities.First().RoleClaimType);
        identity.AddClaim(new Claim("gazette:api-token", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: 401, title: "An API token is needed: send Authorization: Bearer gz_…",
            detail: "Tokens are made under /admin/tokens. A browser's sign-in cookie is not accepted here.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(statusCode: 403, title: "The token's owner may not do this.").ExecuteAsync(Context);
    }
}

public static class ApiTokenRegistration
{
    public static IServiceCollection AddApiTokens(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ApiTokenAuthentication.Policy, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.All));
        return services;
    }
}
