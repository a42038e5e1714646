using Gazette.Editions;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Site;

/// <summary>Base of the public pages: the site settings of this request, its language edition and the page's head metadata.</summary>
public abstract class GazettePageModel(SiteContext site) : PageModel
{
    /// <summary>The route value naming a non-default edition (<c>/{edition}/section/…</c>; see <see cref="PageRoutes"/>).</summary>
    public const string EditionRouteValue = "edition";

    protected SiteContext SiteContext { get; } = site;

    public SiteContext.Snapshot Site { get; private set; } = null!;

    public PageMeta Meta { get; protected set; } = null!;

    /// <summary>The edition this page belongs to: the one its address names, else the default.</summary>
    public Edition Edition { get; private set; } = null!;

    /// <summary>Where this page's edition has its pages.</summary>
    public Addresses Addresses => Edition.Addresses;

    protected async Task LoadSiteAsync(CancellationToken cancellationToken)
    {
        Site = await SiteContext.GetAsync(cancellationToken);
        ViewData[nameof(Site)] = Site;
        UseEdition(Edition.Find(Site, RouteData.Values[EditionRouteValue] as string) ?? Edition.Default(Site));
    }

    /// <summary>Renders the page (its navigation, names and links) in <paramref name="edition"/>.</summary>
    protected void UseEdition(Edition edition)
    {
        Edition = edition;
        ViewData[nameof(Editions.Edition)] = edition;
    }

    /// <summary>
    /// For pages under an edition's prefix: 404 for a language that is no edition of the site (or a site with one edition),
    /// a permanent redirect to the root address for the default language's own prefix; null when the address is right.
    /// </summary>
    protected IActionResult? CheckEditionAddress(string rootPath)
    {
        if (RouteData.Values[EditionRouteValue] is not string requested)
            return null;
        if (!Edition.Scoped || !string.Equals(Edition.Language, requested, StringComparison.OrdinalIgnoreCase))
            return NotFound();
        if (Edition.IsDefault)
            return RedirectPermanent(rootPath + Request.QueryString);
        return null;
    }

    protected void SetMeta(PageMeta meta)
    {
        Meta = meta;
        ViewData[nameof(PageMeta)] = meta;
    }

    /// <summary>The absolute form of a site path, on the configured base URL or else the request's own host.</summary>
    public string AbsoluteUrl(string path) => Addresses.Absolute(Site.Settings, Request, path);
}
