namespace Gazette.Api;

public sealed record ApiRef(string Slug, string Name);

public sealed record ApiAuthorRef(string Slug, string Name, string Url);

public sealed record ApiImage(string Url, string Alt, string? Caption, string? Credit, int? Width, int? Height);

/// <summary>A public story as the content API gives it. Never a draft, never an e-mail address.</summary>
public sealed record ApiArticle(
    int Id,
    string Headline,
    string? SecondHeadline,
    string Standfirst,
    string BodyHtml,
    string Language,
    string Slug,
    string Url,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    ApiRef? Section,
    IReadOnlyList<ApiRef> Tags,
    IReadOnlyList<ApiAuthorRef> Authors,
    ApiImage? Image,
    Guid? TranslationGroup);

/// <summary>One page of a list; <c>NextCursor</c> fetches the next one, and is null on the last.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record ApiSection(int Id, string Slug, string Name, string Url);

public sealed record ApiTag(int Id, string Slug, string Name, string Url);

public sealed record ApiAuthor(int Id, string Slug, string Name, string? Bio, string? PhotoUrl, string Url);
