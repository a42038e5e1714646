using System.Globalization;

using Gazette.Data;
using Gazette.Site;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gazette.Comments;

/// <summary>
/// Decides what happens to a new comment. The classifier's probability (rescaled so its own threshold sits at 0.5)
/// and each suspicious signal are combined as independent pieces of evidence (1 − Π(1 − sᵢ)): a score in 0..1 with
/// one stored reason per piece. From 0.9 the comment goes straight to spam, from 0.5 it waits for a moderator; below,
/// the commenter's standing decides: a first comment waits (setting), a known commenter (an approved comment and
/// none marked spam under the same e-mail address) is approved (setting), anyone else waits.
/// </summary>
public sealed class CommentScreening(GazetteDb db, LiveSpamModel spam, IOptions<CommentOptions> options, TimeProvider clock)
{
    public const double SpamAt = 0.9;
    public const double HoldAt = 0.5;

    /// <param name="Address">The sender's address, compared with the blocklist and never stored (only its hash is).</param>
    public sealed record Signals(bool HoneypotFilled, TimeSpan WritingTime, string? IpHash, System.Net.IPAddress? Address = null);

    public sealed record Decision(CommentStatus Status, double Score, IReadOnlyList<string> Reasons);

    public async Task<Decision> DecideAsync(CleanComment comment, Signals signals, SiteSettings settings, CancellationToken cancellationToken)
    {
        var evidence = new List<(double Strength, string Reason)>();
        var model = await spam.CatchUpAsync(cancellationToken);
        var verdict = model.Score(comment.Text, comment.Name);
        var classifier = Rescale(verdict.Probability, model.Threshold);
        var why = string.Join(", ", verdict.Reasons.Take(3).Select(r => r.Description));
        evidence.Add((classifier, $"text classifier {verdict.Probability.ToString("0.00", CultureInfo.InvariantCulture)}"
            + (verdict.IsSpam ? " (spam-like)" : "") + (why.Length > 0 ? ": " + why : "")));

        if (signals.HoneypotFilled)
            evidence.Add((0.99, "the hidden field was filled in (a robot)"));
        if (signals.WritingTime < options.Value.MinimumWritingTime)
            evidence.Add((0.6, $"sent {Math.Max(0, signals.WritingTime.TotalSeconds):0.#} s after the form was shown"));

        var links = CommentText.CountLinks(comment.Text);
        if (links > 0)
            evidence.Add((links switch { 1 => 0.1, 2 => 0.3, _ => 0.6 }, $"{links} link{(links == 1 ? "" : "s")} in the text"));

        // As in WordPress, a blocklisted word counts wherever the commenter typed it; a line that is an IP address or
        // network (203.0.113.7, 203.0.113.0/24, 2001:db8::/32) is matched against the sender's address instead.
        var blocked = Lines(settings.CommentBlockedWords).ToList();
        var typed = string.Join('\n', comment.Text, comment.Name, comment.Email, comment.Website ?? "").ToLowerInvariant();
        var blockedWord = blocked.Where(line => AddressRange(line) is null)
            .FirstOrDefault(word => typed.Contains(word.ToLowerInvariant(), StringComparison.Ordinal));
        if (blockedWord is not null)
            evidence.Add((0.8, $"blocklisted word \"{blockedWord}\""));
        var address = signals.Address is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : signals.Address;
        if (address is not null && blocked.FirstOrDefault(line => AddressRange(line) is { } range && range.Contains(address)) is { } blockedAddress)
            evidence.Add((0.9, $"blocklisted address {blockedAddress}"));

        var hosts = CommentText.LinkedHosts(comment.Text).ToList();
        if (comment.Website is not null && Uri.TryCreate(comment.Website, UriKind.Absolute, out var site))
            hosts.Add(site.Host.ToLowerInvariant());
        hosts.Add(comment.Email[(comment.Email.IndexOf('@') + 1)..]);
        var blockedDomain = Lines(settings.CommentBlockedDomains).Select(d => d.ToLowerInvariant().TrimStart('.'))
            .FirstOrDefault(domain => hosts.Any(host => host == domain || host.EndsWith("." + domain, StringComparison.Ordinal)));
        if (blockedDomain is not null)
            evidence.Add((0.9, $"blocklisted domain {blockedDomain}"));

        var recent = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        if (await db.Comments.AnyAsync(c => c.Text == comment.Text && c.CreatedAt >= recent && c.Status != CommentStatus.Trash, cancellationToken))
            evidence.Add((0.7, "same text as a recent comment"));

        var history = await db.Comments.Where(c => c.Email == comment.Email)
            .GroupBy(c => c.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var approved = history.Where(h => h.Status == CommentStatus.Approved).Sum(h => h.Count);
        var spammed = history.Where(h => h.Status == CommentStatus.Spam).Sum(h => h.Count);
        if (spammed > 0)
            evidence.Add((0.5, $"{spammed} earlier comment{(spammed == 1 ? "" : "s")} of this address marked spam"));
        if (signals.IpHash is not null && await db.Comments.AnyAsync(c => c.IpHash == signals.IpHash && c.Status == CommentStatus.Spam, cancellationToken))
            evidence.Add((0.3, "earlier spam from the same IP address"));

        var score = 1 - evidence.Aggregate(1.0, (product, e) => product * (1 - e.Strength));
        var reasons = evidence.Where(e => e.Strength >= 0.05 || e == evidence[0])
            .OrderByDescending(e => e.Strength)
            .Select(e => $"{e.Reason} (+{e.Strength.ToString("0.00", CultureInfo.InvariantCulture)})").ToList();

        CommentStatus status;
        if (score >= SpamAt)
            status = CommentStatus.Spam;
        else if (score >= HoldAt)
            status = CommentStatus.Pending;
        else if (approved == 0)
        {
            status = settings.HoldFirstComment ? CommentStatus.Pending : CommentStatus.Approved;
            if (settings.HoldFirstComment)
                reasons.Add("first comment of this address: held for a moderator (setting)");
        }
        else if (spammed == 0 && settings.ApproveKnownCommenters)
        {
            status = CommentStatus.Approved;
            reasons.Add($"known commenter ({approved} approved)");
        }
        else
        {
            status = CommentStatus.Pending;
            reasons.Add(spammed > 0 ? "commenter with spam in their history" : "known commenters are not approved automatically (setting)");
        }
        return new Decision(status, Math.Round(score, 3), reasons);
    }

    /// <summary>Maps the classifier's probability so that its own threshold lands on <see cref="HoldAt"/>.</summary>
    private static double Rescale(double probability, double threshold) =>
        probability < threshold
            ? HoldAt * probability / threshold
            : HoldAt + (1 - HoldAt) * (probability - threshold) / Math.Max(1e-9, 1 - threshold);

    /// <summary>The addresses a blocklist line names, when it is written as one (dotted quad or with colons: "12" stays a word).</summary>
    private static System.Net.IPNetwork? AddressRange(string line) =>
        !(line.Contains(':', StringComparison.Ordinal) || line.Split('/')[0].Count(c => c == '.') == 3) ? null
        : System.Net.IPAddress.TryParse(line, out var single) ? new System.Net.IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
        : System.Net.IPNetwork.TryParse(line, out var network) ? network
        : null;

    private static IEnumerable<string> Lines(string? list) =>
        (list ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(line => line.Length >= 2);
}
