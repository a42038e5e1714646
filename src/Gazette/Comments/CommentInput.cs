using System.Globalization;
using System.Net.Mail;
using System.Text;

using Gazette.Localization;

namespace Gazette.Comments;

/// <summary>
/// The comment form as posted, and its checking. Names lose every invisible formatting character (bidi overrides and
/// isolates, zero-width spaces and joiners, soft hyphens): they are stripped, not refused, because a name that looks the
/// same without them loses nothing, while one made only of them ends up empty and is refused as missing.
/// In the text only the direction overrides and isolates go (they can make a link read backwards); zero-width joiners
/// stay, as emoji and several scripts need them.
/// </summary>
public sealed class CommentInput
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;
    public const int MaxWebsiteLength = 300;
    public const int MaxTextLength = 5000;

    public int ArticleId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Text { get; set; }
    public bool Consent { get; set; }
    public bool NotifyReplies { get; set; }
    public int? ParentId { get; set; }
    public string? Token { get; set; }

    /// <summary>The honeypot: hidden from people and screen readers, so only a robot fills it.</summary>
    public string? Extra { get; set; }

    /// <summary>The cleaned values, or the problems by field name (messages in the page's language).</summary>
    public Dictionary<string, string> Check(Labels t, out CleanComment clean)
    {
        var errors = new Dictionary<string, string>();
        var name = CleanName(Name);
        if (name.Length == 0)
            errors[nameof(Name)] = t["CommentNameRequired"];
        else if (name.Length > MaxNameLength)
            errors[nameof(Name)] = t.Format("CommentNameTooLong", t.Plural("CharacterCount", MaxNameLength));

        var email = NormalizeEmail(Email);
        if (email is null)
            errors[nameof(Email)] = t["CommentEmailInvalid"];

        var website = Website?.Trim() ?? "";
        if (website.Length > 0 && !IsWebAddress(website))
            errors[nameof(Website)] = t["CommentWebsiteInvalid"];

        var text = CleanText(Text);
        if (text.Length == 0)
            errors[nameof(Text)] = t["CommentTextRequired"];
        else if (text.Length > MaxTextLength)
            errors[nameof(Text)] = t.Format("CommentTextTooLong", t.Plural("CharacterCount", MaxTextLength));

        if (!Consent)
            errors[nameof(Consent)] = t["CommentConsentRequired"];

        clean = new CleanComment(name, email ?? "", website.Length == 0 ? null : website, text);
        return errors;
    }

    public static string CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "";
        var builder = new StringBuilder(name.Length);
        var lastWasSpace = false;
        foreach (var rune in name.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate)
                continue;
            var space = Rune.IsWhiteSpace(rune);
            if (space && lastWasSpace)
                continue;
            builder.Append(space ? " " : rune.ToString());
            lastWasSpace = space;
        }
        return builder.ToString().Trim();
    }

    public static string CleanText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n").Replace('\r', '\n').Normalize(NormalizationForm.FormC))
        {
            if (IsDirectionControl(c) || (char.IsControl(c) && c is not '\n' and not '\t'))
                continue;
            builder.Append(c);
        }
        return builder.ToString().Trim();
    }

    private static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Trimmed and lower-cased, or null when it is not a plausible address (one @, a dotted domain, no display name).</summary>
    public static string? NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxEmailLength || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"'))
            return null;
        if (!MailAddress.TryCreate(trimmed, out var address) || !string.Equals(address.Address, trimmed, StringComparison.Ordinal))
            return null;
        var host = address.Host;
        if (!host.Contains('.', StringComparison.Ordinal) || host.StartsWith('.') || host.EndsWith('.'))
            return null;
        return trimmed.ToLowerInvariant();
    }

    private static bool IsWebAddress(string website) =>
        website.Length <= MaxWebsiteLength
        && Uri.TryCreate(website, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Contains('.', StringComparison.Ordinal)
        && !website.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '"');
}

public sealed record CleanComment(string Name, string Email, string? Website, string Text);
