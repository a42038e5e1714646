using System.Security.Cryptography;

using Gazette.Accounts;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Webhooks;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Webhooks;

/// <summary>Webhooks for administrators: receivers, their events and secrets, and the delivery log with redelivery.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(GazetteDb db, TimeProvider clock) : PageModel
{
    public const int LogSize = 100;

    public IReadOnlyList<Webhook> Webhooks { get; private set; } = [];
    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];
    public string? Problem { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? url, string? secret, string[]? events, CancellationToken cancellationToken)
    {
        url = url?.Trim() ?? "";
        var chosen = (events ?? []).Where(WebhookEvents.All.Contains).Distinct().ToList();
        if (!AddressGuard.IsHttpUrl(url, out _) || url.Length > 1000)
            Problem = NewsroomLabels.Current["WebhookUrlInvalid"];
        else if (chosen.Count == 0)
            Problem = NewsroomLabels.Current["ChooseEvent"];
        else if (secret?.Trim() is { Length: > 200 })
            Problem = NewsroomLabels.Current["SecretTooLong"];
        if (Problem is not null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        db.Webhooks.Add(new Webhook
        {
            Url = url,
            Secret = string.IsNullOrWhiteSpace(secret) ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) : secret.Trim(),
            Events = string.Join(',', chosen),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/admin/webhooks");
    }

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        var webhook = await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (webhook is null)
            return NotFound();
        webhook.Active = !webhook.Active;
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/admin/webhooks");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        await db.Webhooks.Where(w => w.Id == id).ExecuteDeleteAsync(cancellationToken);
        return Redirect("/admin/webhooks");
    }

    /// <summary>Sends a delivery again as it was (same id and body), e.g. after the receiver was fixed.</summary>
    public async Task<IActionResult> OnPostRedeliverAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.WebhookDeliveries.Where(d => d.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.Status, DeliveryStatus.Pending)
            .SetProperty(d => d.NextAttemptAt, now)
            // The day of retries starts again from the redelivery.
            .SetProperty(d => d.CreatedAt, now), cancellationToken);
        return found == 0 ? NotFound() : Redirect("/admin/webhooks");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Webhooks = await db.Webhooks.AsNoTracking().OrderBy(w => w.Id).ToListAsync(cancellationToken);
        Deliveries = await db.WebhookDeliveries.AsNoTracking().Include(d => d.Webhook)
            .OrderByDescending(d => d.Id).Take(LogSize).ToListAsync(cancellationToken);
    }
}
