using System.Security.Cryptography;

using Gazette.Data;
using Gazette.Site;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Translations;

/// <summary>
/// The machine translation API key at rest (<see cref="SiteSettings.MachineTranslationApiKey"/>): protected with ASP.NET
/// Core Data Protection, whose key ring the site keeps in its database, so every node can read what another saved. It
/// keeps the key out of the settings row as read by anyone with SQL access, an export or a log; a full copy of the
/// database still holds the key ring too (Gazette does not encrypt the ring itself at rest). A value
/// saved in clear by an older version still works and is protected the first time it is read.
/// </summary>
public sealed class MachineTranslationKey(IDataProtectionProvider protection, ILogger<MachineTranslationKey> logger)
{
    /// <summary>Data Protection keeps this purpose's payloads apart from every other one's (cookies, comment tokens…).</summary>
    public const string Purpose = "Gazette.Translations.MachineTranslationApiKey.v1";

    // Every Data Protection payload starts with the same magic header (09 F0 C9 F0), "CfDJ8" in base64url: a value that
    // does not is one saved in clear; one that does but will not open was protected with a key ring since lost.
    private const string ProtectedStart = "CfDJ8";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    public string Protect(string key) => protector.Protect(key);

    public static bool LooksProtected(string stored) => stored.StartsWith(ProtectedStart, StringComparison.Ordinal);

    /// <summary>The key as the endpoint expects it; null when none is set or the stored one can no longer be opened.</summary>
    public string? Reveal(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
            return null;
        try
        {
            return protector.Unprotect(stored);
        }
        catch (CryptographicException) when (!LooksProtected(stored))
        {
            return stored;
        }
        catch (CryptographicException exception)
        {
            logger.LogWarning(exception, "The machine translation API key cannot be decrypted (the data protection keys changed); it is ignored until an administrator enters it again.");
            return null;
        }
    }

    /// <summary>Protects a key still stored in clear; returns whether it did.</summary>
    public async Task<bool> ProtectStoredAsync(GazetteDb db, SiteContext site, CancellationToken cancellationToken)
    {
        var settings = await db.SiteSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (settings?.MachineTranslationApiKey is not { Length: > 0 } stored || IsProtected(stored))
            return false;
        settings.MachineTranslationApiKey = Protect(stored);
        await db.SaveChangesAsync(cancellationToken);
        site.Invalidate();
        logger.LogInformation("The machine translation API key was stored in clear; it is now protected.");
        return true;
    }

    private bool IsProtected(string stored)
    {
        try
        {
            protector.Unprotect(stored);
            return true;
        }
        catch (CryptographicException)
        {
            // One that will not open but looks protected is left as it is: protecting it again would hide nothing.
            return LooksProtected(stored);
        }
    }
}
