using Gazette.Site;

using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Gazette.Editions;

/// <summary>
/// The addresses of the non-default editions: the same pages as at the root, under <c>/{language}</c>. Literal routes
/// (<c>/api</c>, <c>/admin</c>…) still win over these, and a language that is no edition of the site answers 404.
/// </summary>
public static class EditionRoutes
{
    /// <summary>The route constraint of an edition's language, lower-case as it appears in addresses.</summary>
    public const string Constraint = "regex(^[a-z]{{2,3}}(-[a-z0-9]{{2,8}})*$)";

    private static readonly string Edition = $"{{{GazettePageModel.EditionRouteValue}:{Constraint}}}";

    public static void AddEditionRoutes(this PageConventionCollection conventions)
    {
        conventions.AddPageRoute("/Pages/Index", Edition);
        conventions.AddPageRoute("/Sections/SectionPage", $"{Edition}/section/{{slug:maxlength(100)}}");
        conventions.AddPageRoute("/Tags/TagPage", $"{Edition}/tag/{{slug:maxlength(100)}}");
        conventions.AddPageRoute("/Search/SearchPage", $"{Edition}/search");
        conventions.AddPageRoute("/Authors/AuthorPage", $"{Edition}/author/{{slug:maxlength(100)}}");
        conventions.AddPageRoute("/Articles/ArchivePage", $"{Edition}/archive/{{year:int}}/{{month:int?}}/{{day:int?}}");
    }
}
