using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Gazette.Api;

/// <summary>
/// An opaque position in a list ordered by (updated, id): both are needed, since many stories share an update
/// time and the id alone would skip or repeat them when stories change between pages.
/// </summary>
public readonly record struct ApiCursor(long Ticks, int Id)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Ticks}.{Id}")));

    public static bool TryParse(string? text, out ApiCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
            return false;
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                cursor = new ApiCursor(ticks, id);
                return true;
            }
        }
        catch (FormatException)
        {
        }
        return false;
    }
}
