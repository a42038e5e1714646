using Gazette.Accounts;
using Gazette.Data;
using Gazette.Security;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Admin.Csp;

/// <summary>
/// What the Content-Security-Policy blocked in readers' browsers over the last days, counted per directive, blocked
/// origin and page (Security/CspReports.cs): a new count after a release points at a script or style the policy misses.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(GazetteDb db, TimeProvider clock) : PageModel
{
    public const int Days = 30;

    public IReadOnlyList<CspReports.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await CspReports.RecentAsync(db, clock, Days, cancellationToken);
}
