using System.Security.Cryptography;
using System.Text;

using Gazette.Data;
using Gazette.Site;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Comments;

/// <summary>
/// Keyed hashes of readers' IP addresses (HMAC-SHA256): enough to see that two comments came from one address, useless
/// for finding the address without the key. The key is random, made once, and kept in the site settings protected by
/// the data-protection keys, so every node hashes alike and a copy of the database alone does not reveal it.
/// </summary>
public sealed class IpHasher(IServiceScopeFactory scopes, IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Gazette.Comments.IpHashKey.v1");
    private byte[]? key;

    public async Task<string?> HashAsync(System.Net.IPAddress? address, CancellationToken cancellationToken)
    {
        if (address is null)
            return null;
        var secret = key ??= await LoadKeyAsync(cancellationToken);
        var text = (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(text)));
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
        var settings = await db.SiteSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (settings?.CommentIpHashKey is { Length: > 0 } stored)
        {
            try
            {
                return protector.Unprotect(Convert.FromBase64String(stored));
            }
            catch (Exception exception) when (exception is CryptographicException or FormatException)
            {
                // The protecting keys are gone (a restore without them): start a new key; old hashes just stop matching.
            }
        }
        var fresh = RandomNumberGenerator.GetBytes(32);
        if (settings is null)
        {
            settings = new SiteSettings();
            db.SiteSettings.Add(settings);
        }
        settings.CommentIpHashKey = Convert.ToBase64String(protector.Protect(fresh));
        await db.SaveChangesAsync(cancellationToken);
        return fresh;
    }
}
