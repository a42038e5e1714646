using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Gazette.Data;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Gazette.Accounts;

/// <summary>
/// Data-protection keys (sign-in cookies, antiforgery and comment-form tokens) live in the database, so every node
/// reads the same ones. Whether they are encrypted there is the operator's choice, made with one setting.
/// </summary>
public static class KeyProtection
{
    /// <summary>A PFX file whose certificate encrypts the keys before they are stored; none stores them as they are.</summary>
    public const string CertificateSetting = "Gazette:DataProtection:Certificate";

    public const string CertificatePasswordSetting = "Gazette:DataProtection:CertificatePassword";

    public static void AddGazetteDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName("Gazette").PersistKeysToDbContext<GazetteDb>();
        var path = configuration[CertificateSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            // Said out loud instead of left to the framework's "no XML encryptor configured" warning: whoever can read
            // the database can already read everything the keys protect, and the start-up log names the setting
            // (Data/DatabaseInitializer.cs). Keys stored this way stay readable once a certificate is set.
            services.Configure<KeyManagementOptions>(keys => keys.XmlEncryptor = new NullXmlEncryptor());
            return;
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordSetting]);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException($"{CertificateSetting}: cannot read the certificate '{path}': {exception.Message}", exception);
        }
        protection.ProtectKeysWithCertificate(certificate);
    }

    /// <summary>Whether new keys are stored unencrypted (no certificate set).</summary>
    public static bool KeysStoredUnencrypted(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[CertificateSetting]);
}
