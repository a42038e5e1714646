using System.Globalization;

using Gazette.Localization;

namespace Gazette.Articles;

/// <summary>Shows a stored UTC instant as a reader of the page's language expects it, in the site's time zone.</summary>
public static class ArticleDates
{
    public static DateTimeOffset InZone(DateTime utc, TimeZoneInfo zone)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(utc), zone);
    }

    /// <summary>"15 juin 2023 à 11:48" in French, "15 June 2023, 11:48" in English.</summary>
    public static string DateAndTime(DateTime utc, TimeZoneInfo zone, Labels labels) =>
        InZone(utc, zone).ToString(labels["DateTimeFormat"], labels.Culture);

    public static string Date(DateTime utc, TimeZoneInfo zone, Labels labels) =>
        InZone(utc, zone).ToString(labels["DateFormat"], labels.Culture);

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c> and meta tags: ISO 8601 in UTC.</summary>
    /// <remarks>UTC with <c>Z</c>, because HTML encoding would turn an offset's "+" into an entity.</remarks>
    public static string IsoUtc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with the site zone's offset, for JSON-LD.</summary>
    public static string Iso(DateTime utc, TimeZoneInfo zone) =>
        InZone(utc, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
