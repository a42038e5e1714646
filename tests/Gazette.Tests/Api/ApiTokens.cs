using System.Net.Http.Headers;

using Gazette.Accounts;
using Gazette.Api;
using Gazette.Tests.Infrastructure;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Api;

public static class ApiTokens
{
    /// <summary>A new user with <paramref name="role"/>, a token of theirs stored as the token page stores it, and a client sending it.</summary>
    public static async Task<(HttpClient Client, GazetteUser User, string Token)> ApiClientAsync(this GazetteSite site, string? role)
    {
        var user = await site.CreateUserAsync(role);
        var secret = ApiToken.NewSecret();
        await site.WithDbAsync(async db =>
        {
            db.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = "tests", Hash = ApiToken.HashOf(secret), Prefix = ApiToken.PrefixOf(secret), CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return (site.BearerClient(secret), user, secret);
    }

    public static HttpClient BearerClient(this GazetteSite site, string secret)
    {
        var client = site.CreateReader();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static Task SetRolesAsync(this GazetteSite site, GazetteUser user, params string[] roles) =>
        site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<GazetteUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            await users.RemoveFromRolesAsync(stored, await users.GetRolesAsync(stored));
            await users.AddToRolesAsync(stored, roles);
            return 0;
        });

    public static Task LockAsync(this GazetteSite site, GazetteUser user) =>
        site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<GazetteUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            await users.SetLockoutEndDateAsync(stored, DateTimeOffset.UtcNow.AddHours(1));
            return 0;
        });
}
