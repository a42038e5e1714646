using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gazette.Related;

/// <summary>
/// A text reduced to its lower-cased, accent-free letters and digits, one space apart, and hashed: two stories with
/// the same fingerprint say the same thing, whatever their punctuation, case or markup.
/// </summary>
public static class TextFingerprint
{
    public static string Of(string? text)
    {
        var normalized = Normalize(text);
        return normalized.Length == 0 ? "" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)), 0, 16);
    }

    public static string Normalize(string? text)
    {
        var builder = new StringBuilder((text ?? "").Length);
        var pendingSpace = false;
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                    builder.Append(' ');
                builder.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }
}
