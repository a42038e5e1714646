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
        for (var attempt = 0; ; attempt++)
        {
            var settings = await db.SiteSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
            var stored = settings?.CommentIpHashKey;
            if (stored is { Length: > 0 })
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
            var protectedKey = Convert.ToBase64String(protector.Protect(fresh));
            if (settings is null)
            {
                db.SiteSettings.Add(new SiteSettings { CommentIpHashKey = protectedKey });
                await db.SaveChangesAsync(cancellationToken);
                return fresh;
            }
            // Written only if nobody else wrote one meanwhile: two nodes making their first key at once would
            // otherwise each keep their own, and the same address would hash differently on each.
            var written = await db.SiteSettings.Where(s => s.Id == settings.Id && s.CommentIpHashKey == stored)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.CommentIpHashKey, protectedKey), cancellationToken);
            if (written == 1 || attempt >= 2)
                return fresh;
        }
    }
}
