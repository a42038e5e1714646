namespace Gazette.Site;

/// <summary>The <c>?page=</c> of list pages: absent means 1; anything but a whole number from 1 to 100,000 is bad input.</summary>
public static class PageNumber
{
    public const int Max = 100_000;

    public static bool TryParse(string? raw, out int page)
    {
        page = 1;
        if (string.IsNullOrEmpty(raw))
            return true;
        return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out page)
               && page is >= 1 and <= Max;
    }
}
