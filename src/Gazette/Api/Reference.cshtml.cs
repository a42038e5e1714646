using Gazette.Site;

using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Gazette.Api;

/// <summary>
/// <c>/api</c>: the API reference for people, built from the same endpoint descriptions as <c>/openapi/v1.json</c>,
/// so the two cannot disagree. Server-rendered, no script, nothing from another host.
/// </summary>
public sealed class ReferenceModel(SiteContext site, IApiDescriptionGroupCollectionProvider descriptions) : GazettePageModel(site)
{
    public sealed record Operation(string Method, string Path, string? Summary, string? Description, bool NeedsToken,
        IReadOnlyList<(string Name, string Source, string Type)> Parameters, IReadOnlyList<int> Statuses);

    public IReadOnlyList<IGrouping<string, Operation>> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        SetMeta(new PageMeta { Title = $"API – {Site.Settings.Title}", Language = "en", CanonicalUrl = AbsoluteUrl("/api") });
        Groups = descriptions.ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .Where(api => api.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true)
            .Select(api =>
            {
                var metadata = api.ActionDescriptor.EndpointMetadata;
                return new Operation(
                    api.HttpMethod ?? "GET",
                    "/" + api.RelativePath,
                    metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary,
                    metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description,
                    api.RelativePath!.StartsWith("api/v1/admin", StringComparison.Ordinal),
                    api.ParameterDescriptions
                        .Where(p => p.Source.Id is "Query" or "Path" or "Body" or "Form" or "FormFile")
                        .Select(p => (p.Name, p.Source.DisplayName, p.Type?.Name ?? "string")).ToList(),
                    api.SupportedResponseTypes.Select(r => r.StatusCode).Distinct().Order().ToList());
            })
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
            .GroupBy(o => o.NeedsToken ? "Admin API (bearer token)" : "Content API (public, read-only)")
            .OrderBy(g => g.Key.StartsWith("Admin", StringComparison.Ordinal))
            .ToList();
    }
}
