using Gazette.Data;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Accounts;

public static class AccountsRegistration
{
    public const string SignInPath = "/admin/sign-in";
    public const string SignOutPath = "/admin/sign-out";
    public const string AccessDeniedPath = "/admin/denied";
    public const string SetupPath = "/admin/setup";
    public const string TwoFactorSignInPath = "/admin/account/two-factor-sign-in";
    public const string ChangePasswordPath = "/admin/account/password";
    public const string PasskeySignInPath = "/admin/account/passkey-sign-in";

    /// <summary>The pages under /Admin that answer without a signed-in newsroom member (page paths, not routes).</summary>
    public static readonly string[] AnonymousPages =
    [
        "/Admin/Account/SignIn", "/Admin/Account/SignOut", "/Admin/Account/Denied", "/Admin/Account/Setup",
        "/Admin/Account/TwoFactorSignIn", "/Admin/Account/PasskeySignIn",
        // Opened from a comment notification, maybe on another device: the signed link is the permission.
        "/Admin/Account/CommentMail",
    ];

    /// <summary>ASP.NET Core Identity for the newsroom: password rules, lockout, cookies, and the role policies.</summary>
    public static IServiceCollection AddGazetteAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<GazetteUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): a long passphrase beats "Passw0rd!".
                identity.Password.RequiredLength = 12;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                identity.Password.RequiredUniqueChars = 6;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.SignIn.RequireConfirmedAccount = false;
                identity.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<GazetteDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<NewsroomIdentityErrors>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = SignOutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "gazette.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
        });

        // Every cookie is a newsroom member's: check its security stamp on every request, so that locking or
        // deleting an account (or changing its roles) ends its open sessions at once rather than within the
        // default 30 minutes. The cost is one user lookup per signed-in request; readers carry no cookie.
        services.Configure<SecurityStampValidatorOptions>(validation => validation.ValidationInterval = TimeSpan.Zero);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Newsroom, policy => policy.RequireRole(Roles.All))
            .AddPolicy(Policies.Publish, policy => policy.RequireRole(Roles.Administrator, Roles.Editor, Roles.Author))
            .AddPolicy(Policies.EditAll, policy => policy.RequireRole(Roles.Administrator, Roles.Editor))
            .AddPolicy(Policies.Administer, policy => policy.RequireRole(Roles.Administrator));

        // Keys in the database: every node of a cluster reads the same cookies and antiforgery tokens.
        services.AddGazetteDataProtection(configuration);
        return services;
    }

    /// <summary>Creates the four roles if they are missing (run at start-up after migrations).</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }

    /// <summary>True while nobody can sign in yet: the one-time setup page and the start-up hint depend on it.</summary>
    public static async Task<bool> NoUserExistsAsync(GazetteDb db, CancellationToken cancellationToken) =>
        !await db.Users.AnyAsync(cancellationToken);
}
