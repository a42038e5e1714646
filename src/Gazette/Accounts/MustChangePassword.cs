using System.Security.Claims;

using Microsoft.AspNetCore.Identity;

namespace Gazette.Accounts;

/// <summary>
/// Accounts made with a generated one-time password carry the user claim <see cref="ClaimType"/> until their owner
/// picks a password. Identity copies user claims into the sign-in cookie, so the newsroom can send them to the
/// password page on every request without a database query.
/// </summary>
public static class MustChangePassword
{
    public const string ClaimType = "gazette:must-change-password";

    public static Task<IdentityResult> RequireAsync(UserManager<GazetteUser> users, GazetteUser user) =>
        users.AddClaimAsync(user, new Claim(ClaimType, "true"));

    public static async Task<IdentityResult> ClearAsync(UserManager<GazetteUser> users, GazetteUser user)
    {
        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type == ClaimType).ToList();
        return claims.Count == 0 ? IdentityResult.Success : await users.RemoveClaimsAsync(user, claims);
    }

    public static bool IsRequired(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == ClaimType);

    /// <summary>Sends a signed-in member who still has a one-time password to the password page, from any newsroom page but that one and sign-out.</summary>
    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (IsRequired(context.User)
                && path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
                && !path.Equals(AccountsRegistration.ChangePasswordPath, StringComparison.OrdinalIgnoreCase)
                && !path.Equals(AccountsRegistration.SignOutPath, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Redirect(AccountsRegistration.ChangePasswordPath);
                return;
            }
            await next(context);
        });

    /// <summary>A strong one-time password: 20 characters from an alphabet without look-alikes (about 115 bits).</summary>
    public static string Generate()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return System.Security.Cryptography.RandomNumberGenerator.GetString(alphabet, 20);
    }
}
