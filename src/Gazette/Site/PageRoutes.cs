using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Gazette.Site;

/// <summary>
/// Gives the public pages their addresses from <see cref="Addresses.Templates"/>, so a page's <c>@page</c> directive
/// carries no template of its own to drift from the links built to it. Each page answers its template at the root
/// and, when it has one, in every other edition under <c>/{language}</c>.
/// </summary>
public static class PageRoutes
{
    private static readonly (string Page, string Template, bool InEditions)[] Pages =
    [
        ("/Pages/Index", Addresses.Templates.Home, true),
        ("/Articles/ArticlePage", Addresses.Templates.Story, false),
        ("/Sections/SectionPage", Addresses.Templates.Section, true),
        ("/Tags/TagPage", Addresses.Templates.Tag, true),
        ("/Search/SearchPage", Addresses.Templates.Search, true),
        ("/Authors/AuthorPage", Addresses.Templates.Author, true),
        ("/Articles/ArchivePage", Addresses.Templates.Archive, true),
        ("/Comments/PostComment", Addresses.Templates.PostComment, false),
        ("/Comments/MyComments", Addresses.Templates.MyComments, false),
        ("/Comments/Unsubscribe", Addresses.Templates.Unsubscribe, false),
        ("/Pages/Error", Addresses.Templates.Error, false),
    ];

    public static void AddPublicPageRoutes(this PageConventionCollection conventions)
    {
        foreach (var (page, template, inEditions) in Pages)
        {
            // Replaces the address the page's file path would give it (/Tags/TagPage), as a template in @page would.
            conventions.AddPageRouteModelConvention(page, model =>
            {
                var selector = model.Selectors[0];
                selector.AttributeRouteModel!.Template = template.TrimStart('/');
                model.Selectors.Clear();
                model.Selectors.Add(selector);
            });
            if (inEditions)
                conventions.AddPageRoute(page, Addresses.Templates.InEdition(template));
        }
    }
}
