using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Site;

/// <summary>Base of the public pages: the site settings of this request and the page's head metadata.</summary>
public abstract class GazettePageModel(SiteContext site) : PageModel
{
    protected SiteContext SiteContext { get; } = site;

    public SiteContext.Snapshot Site { get; private set; } = null!;

    public PageMeta Meta { get; protected set; } = null!;

    protected async Task LoadSiteAsync(CancellationToken cancellationToken)
    {
        Site = await SiteContext.GetAsync(cancellationToken);
        ViewData[nameof(Site)] = Site;
    }

    protected void SetMeta(PageMeta meta)
    {
        Meta = meta;
        ViewData[nameof(PageMeta)] = meta;
    }

    /// <summary>The absolute form of a site path, on the configured base URL or else the request's own host.</summary>
    public string AbsoluteUrl(string path) => SiteUrls.Absolute(Site.Settings, Request, path);
}
