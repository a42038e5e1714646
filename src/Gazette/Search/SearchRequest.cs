using System.Globalization;

namespace Gazette.Search;

public enum SearchSort
{
    Relevance,
    Date,
}

/// <summary>
/// What a reader asks of <c>/search</c> and <c>/api/search</c>, as typed: every value is optional and read
/// leniently; <see cref="Parse"/> says what it could not understand rather than failing.
/// </summary>
public sealed partial record SearchRequest
{
    public const int MaxQueryLength = 200;
    public const int PageSize = 10;
    public const int MaxPage = 100;

    public string Query { get; init; } = "";
    public string? Section { get; init; }
    public string? Tag { get; init; }
    public string? Author { get; init; }
    public string? Language { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public SearchSort Sort { get; init; }
    public int Page { get; init; } = 1;

    public bool HasFilters => Section is not null || Tag is not null || Author is not null || Language is not null || From is not null || To is not null;

    /// <summary>Reads the raw parameters; each one not understood is ignored and named in <c>problems</c> (label keys).</summary>
    public static SearchRequest Parse(string? q, string? section, string? tag, string? author, string? lang, string? from,
        string? to, string? sort, string? page, out List<string> problems)
    {
        problems = [];
        var query = Clean(q) ?? "";
        if (query.Length > MaxQueryLength)
        {
            problems.Add("SearchTooLong");
            query = "";
        }
        return new SearchRequest
        {
            Query = query,
            Section = Slug(section),
            Tag = Slug(tag),
            Author = Slug(author),
            Language = Slug(lang) is { } language && LanguageFilter().IsMatch(language) ? language : null,
            From = Date(from, problems),
            To = Date(to, problems),
            Sort = string.Equals(sort, "date", StringComparison.OrdinalIgnoreCase) ? SearchSort.Date : SearchSort.Relevance,
            Page = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= MaxPage ? number : 1,
        };
    }

    /// <summary>The query string of this search, for links to its other pages and sorts.</summary>
    public string ToQueryString(int? page = null, SearchSort? sort = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("q", Query);
        Add("section", Section);
        Add("tag", Tag);
        Add("author", Author);
        Add("lang", Language);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if ((sort ?? Sort) == SearchSort.Date)
            Add("sort", "date");
        if ((page ?? Page) > 1)
            Add("page", (page ?? Page).ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>Control characters (NUL included) are not text anyone means to search for.</summary>
    private static string? Clean(string? value)
    {
        if (value is null)
            return null;
        var cleaned = new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>
    /// A language (<c>pt</c>: every Portuguese story) or a language tag (<c>pt-br</c>: Brazilian ones only, as a
    /// <c>pt-BR</c> edition searches), lower-cased.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*$")]
    private static partial System.Text.RegularExpressions.Regex LanguageFilter();

    private static string? Slug(string? value) =>
        Clean(value) is { Length: <= 100 } slug ? slug.ToLowerInvariant() : null;

    private static DateOnly? Date(string? value, List<string> problems)
    {
        if (Clean(value) is not { } text)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        if (!problems.Contains("SearchBadDate"))
            problems.Add("SearchBadDate");
        return null;
    }
}
