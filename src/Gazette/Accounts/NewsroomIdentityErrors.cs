using Gazette.Localization;

using Microsoft.AspNetCore.Identity;

namespace Gazette.Accounts;

/// <summary>Identity's error messages (weak password, e-mail taken…) in the newsroom member's interface language.</summary>
public sealed class NewsroomIdentityErrors : IdentityErrorDescriber
{
    private static NewsroomLabels T => NewsroomLabels.Current;

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), T["IdentityDefaultError"]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), T["IdentityConcurrencyFailure"]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), T["IdentityPasswordMismatch"]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), T["IdentityInvalidToken"]);
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), T["IdentityRecoveryCodeFailed"]);
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), T["IdentityLoginAlreadyAssociated"]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), T.Format("IdentityInvalidUserName", userName));
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), T.Format("IdentityInvalidEmail", email));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), T.Format("IdentityDuplicateUserName", userName));
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), T.Format("IdentityDuplicateEmail", email));
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), T.Format("IdentityInvalidRoleName", role));
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), T.Format("IdentityDuplicateRoleName", role));
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), T["IdentityUserAlreadyHasPassword"]);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), T["IdentityUserLockoutNotEnabled"]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), T.Format("IdentityUserAlreadyInRole", role));
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), T.Format("IdentityUserNotInRole", role));
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), T.Format("IdentityPasswordTooShort", length));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), T.Format("IdentityPasswordRequiresUniqueChars", uniqueChars));
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), T["IdentityPasswordRequiresNonAlphanumeric"]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), T["IdentityPasswordRequiresDigit"]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), T["IdentityPasswordRequiresLower"]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), T["IdentityPasswordRequiresUpper"]);
}
