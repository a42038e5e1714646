using Gazette.Accounts;
using Gazette.Authors;
using Gazette.Data;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Import.WordPress;

/// <summary>
/// A WordPress author becomes a byline, and a newsroom account when the export gives an e-mail address: matched
/// to an existing account by e-mail or login, otherwise created as a Contributor with no password at all, so
/// nobody can sign in as them until an administrator gives them access.
/// </summary>
public sealed class WordPressPeople(GazetteDb db, UserManager<GazetteUser> users, TimeProvider clock)
{
    public async Task<Dictionary<string, int>> ImportAsync(
        string source, IReadOnlyCollection<WxrAuthor> authors, ImportSummary summary, CancellationToken cancellationToken)
    {
        var bylines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var counts = summary.For("authors");
        foreach (var author in authors)
        {
            var record = await db.ImportRecords.FirstOrDefaultAsync(
                r => r.Source == source && r.Kind == "author" && r.ExternalId == author.Login, cancellationToken);
            if (record is not null && int.TryParse(record.LocalId, out var knownId) && await db.Authors.AnyAsync(a => a.Id == knownId, cancellationToken))
            {
                bylines[author.Login] = knownId;
                counts.Unchanged++;
                continue;
            }
            var user = await FindUserAsync(author);
            Author? byline = null;
            if (user?.AuthorId is int userByline)
                byline = await db.Authors.FindAsync([userByline], cancellationToken);
            byline ??= await db.Authors.FirstOrDefaultAsync(a => a.Name == author.DisplayName, cancellationToken);
            if (byline is null)
            {
                byline = new Author { Name = WxrText.Limit(author.DisplayName, 200), Slug = await UniqueSlugAsync(author.DisplayName, cancellationToken) };
                db.Authors.Add(byline);
                await db.SaveChangesAsync(cancellationToken);
            }
            if (user is null)
                user = await CreateUserAsync(author, byline, summary);
            else if (user.AuthorId is null)
            {
                user.AuthorId = byline.Id;
                await users.UpdateAsync(user);
            }
            db.ImportRecords.Add(new ImportRecord
            {
                Source = source,
                Kind = "author",
                ExternalId = author.Login,
                LocalId = byline.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ContentHash = "",
                ImportedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
            bylines[author.Login] = byline.Id;
            counts.Imported++;
        }
        return bylines;
    }

    private async Task<GazetteUser?> FindUserAsync(WxrAuthor author)
    {
        if (author.Email is not null && await users.FindByEmailAsync(author.Email) is { } byEmail)
            return byEmail;
        return await users.FindByNameAsync(author.Login);
    }

    private async Task<GazetteUser?> CreateUserAsync(WxrAuthor author, Author byline, ImportSummary summary)
    {
        if (author.Email is null)
        {
            summary.Warn($"author '{author.Login}' has no e-mail address: imported as a byline only, without an account");
            return null;
        }
        var user = new GazetteUser
        {
            UserName = author.Email,
            Email = author.Email,
            DisplayName = WxrText.Limit(author.DisplayName, 200),
            AuthorId = byline.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            summary.Warn($"author '{author.Login}': no account created ({string.Join(" ", created.Errors.Select(e => e.Description))}); imported as a byline only");
            return null;
        }
        await users.AddToRoleAsync(user, Roles.Contributor);
        return user;
    }

    private async Task<string> UniqueSlugAsync(string name, CancellationToken cancellationToken)
    {
        var slug = Text.Slugs.Create(name) is { Length: > 0 } s ? s : "author";
        var candidate = slug;
        for (var n = 2; await db.Authors.AnyAsync(a => a.Slug == candidate, cancellationToken); n++)
            candidate = $"{slug}-{n}";
        return candidate;
    }
}
