using System.ComponentModel.DataAnnotations;

using Gazette.Data;
using Gazette.Localization;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Accounts;

/// <summary>
/// Creates newsroom accounts for the <c>users create-admin</c> verb, the one-time setup page and the users page:
/// the same checks everywhere, and the account, its role and its marker written in one transaction.
/// </summary>
public sealed class NewsroomAccounts(GazetteDb db, UserManager<GazetteUser> users, TimeProvider clock)
{
    public sealed record Request(string Email, string DisplayName, string Role, string? Password, bool OnlyIfNoUserExists = false);

    /// <summary>The created user, or the problems keyed by field (<c>Email</c>, <c>DisplayName</c>, <c>Password</c>, <c>Role</c>, or "" for the whole form).</summary>
    public sealed record Result(GazetteUser? User, string? OneTimePassword, IReadOnlyList<KeyValuePair<string, string>> Problems)
    {
        public bool Succeeded => User is not null;
    }

    /// <summary>
    /// Creates the account. Without a password it gets a generated one-time password that its owner must change at
    /// first sign-in. With <see cref="Request.OnlyIfNoUserExists"/> the absence of users is checked inside the
    /// transaction, under a lock (SQLite's BEGIN IMMEDIATE; a PostgreSQL advisory lock), so two concurrent first
    /// sign-ups cannot both become the first administrator.
    /// </summary>
    public async Task<Result> CreateAsync(Request request, CancellationToken cancellationToken)
    {
        var problems = new List<KeyValuePair<string, string>>();
        var email = request.Email.Trim();
        var name = request.DisplayName.Trim();
        if (email.Length == 0)
            problems.Add(new("Email", NewsroomLabels.Current["AccountEmailRequired"]));
        else if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email) || !email.Contains('.', StringComparison.Ordinal))
            problems.Add(new("Email", NewsroomLabels.Current.Format("AccountEmailInvalid", email)));
        if (name.Length == 0)
            problems.Add(new("DisplayName", NewsroomLabels.Current["AccountNameRequired"]));
        else if (name.Length > 100)
            problems.Add(new("DisplayName", NewsroomLabels.Current["AccountNameTooLong"]));
        if (!Roles.All.Contains(request.Role))
            problems.Add(new("Role", NewsroomLabels.Current.Format("AccountRoleInvalid", request.Role)));
        if (problems.Count > 0)
            return new Result(null, null, problems);

        var oneTimePassword = request.Password is null ? MustChangePassword.Generate() : null;
        var user = new GazetteUser { UserName = email, Email = email, DisplayName = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, request.Password ?? oneTimePassword!);
            problems.AddRange(check.Errors.Select(e => new KeyValuePair<string, string>("Password", e.Description)));
        }
        if (problems.Count > 0)
            return new Result(null, null, problems);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AccountCreationLock})", cancellationToken);
        if (request.OnlyIfNoUserExists && await db.Users.AnyAsync(cancellationToken))
            return new Result(null, null, [new("", NewsroomLabels.Current["AccountAlreadyExists"])]);
        if (await users.FindByEmailAsync(email) is not null)
            return new Result(null, null, [new("Email", NewsroomLabels.Current.Format("AccountEmailTaken", email))]);

        var created = await users.CreateAsync(user, request.Password ?? oneTimePassword!);
        if (created.Succeeded)
            created = await users.AddToRoleAsync(user, request.Role);
        if (created.Succeeded && oneTimePassword is not null)
            created = await MustChangePassword.RequireAsync(users, user);
        if (!created.Succeeded)
            return new Result(null, null, created.Errors.Select(e => new KeyValuePair<string, string>(FieldOf(e.Code), e.Description)).ToList());
        await transaction.CommitAsync(cancellationToken);
        return new Result(user, oneTimePassword, []);
    }

    private static string FieldOf(string identityErrorCode) =>
        identityErrorCode.StartsWith("Password", StringComparison.Ordinal) ? "Password"
        : identityErrorCode.Contains("Email", StringComparison.Ordinal) || identityErrorCode.Contains("UserName", StringComparison.Ordinal) ? "Email"
        : "";

    /// <summary>Advisory lock key for account creation ("GAZ2" in ASCII), distinct from the first-start and scheduler locks.</summary>
    private const long AccountCreationLock = 0x47415A32;
}
