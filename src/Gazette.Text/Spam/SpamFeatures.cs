using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Gazette.Text.Spam;

/// <summary>A hashed feature: the bucket of its name and its value in the document's vector.</summary>
internal readonly record struct SpamFeature(int Index, float Value);

/// <summary>
/// Turns a comment into a sparse vector: words, word pairs and letter 3- to 5-grams (which survive misspellings
/// and glued words), the domains and first path segments of links, and a few text signals (link count, phone
/// numbers, money, capitals, repeated characters, length). No pattern is given a weight here: which ones mean spam
/// is learned. Every feature keeps a readable description so that a score can be explained.
/// </summary>
internal static partial class SpamFeatures
{
    private const string LinkToken = SpamCues.LinkToken;

    /// <param name="descriptions">when not null, receives one description per feature, in the same order.</param>
    public static void Extract(string text, string? author, int hashBits, List<SpamFeature> features, List<string>? descriptions)
    {
        features.Clear();
        descriptions?.Clear();
        var mask = (1 << hashBits) - 1;
        var raw = SpamCues.Undisguise(Clean(text));

        // Descriptions are only built when asked for (Score); Probability skips them, which halves its time.
        var describe = descriptions is not null;
        void Add(char kind, ReadOnlySpan<char> key, float value, string? description)
        {
            features.Add(new SpamFeature((int)(Hash(kind, key) & mask), value));
            descriptions?.Add(description!);
        }

        var linkCount = 0;
        var withoutLinks = LinkPattern().Replace(raw, match =>
        {
            linkCount++;
            var (domain, segment) = SplitLink(match.Value);
            if (domain.Length > 0)
                Add('d', domain, 1f, $"link to {domain}");
            if (segment.Length > 0)
                Add('p', domain + "/" + segment, 1f, $"link to {domain}/{segment}");
            foreach (var shape in LinkShape(match.Value, domain))
                Add('s', shape, 1f, shape);
            if (MomentPattern().IsMatch(match.Value))
                Add('s', "moment", 1f, "a link to a moment in a video");
            return " " + LinkToken + " ";
        });
        withoutLinks = TagPattern().Replace(withoutLinks, " ");

        var words = Words(withoutLinks);
        var firstWordFeature = features.Count;
        for (var i = 0; i < words.Count; i++)
        {
            Add('w', words[i], 1f, describe ? DescribeWord(words[i]) : null);
            if (i > 0)
                Add('b', words[i - 1] + " " + words[i], 1f, describe ? $"words \"{Shown(words[i - 1])} {Shown(words[i])}\"" : null);
        }
        Normalize(features, firstWordFeature);

        var firstCharFeature = features.Count;
        foreach (var word in words)
        {
            if (word == LinkToken || word.StartsWith('#'))
                continue;
            var padded = " " + word + " ";
            var description = describe ? DescribeWord(word) : null;
            for (var n = 3; n <= 5; n++)
                for (var start = 0; start + n <= padded.Length; start++)
                    Add('c', padded.AsSpan(start, n), 1f, description);
        }
        Normalize(features, firstCharFeature);

        foreach (var signal in Signals(raw, withoutLinks, linkCount))
            Add('s', signal, 1f, signal);
        foreach (var cue in SpamCues.Of(words, withoutLinks))
            Add('q', cue, 1f, cue);
        if (author is not null && author.Any(char.IsDigit))
            Add('s', "author name with digits", 1f, "author name with digits");
    }

    /// <summary>Decodes HTML entities, drops invisible characters and folds look-alike letters (NFKC).</summary>
    internal static string Clean(string text)
    {
        var decoded = WebUtility.HtmlDecode(text ?? "");
        var builder = new StringBuilder(decoded.Length);
        foreach (var c in decoded)
        {
            if (c is '\uFEFF' or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064'))
                continue;
            builder.Append(c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormKC);
    }

    private static IEnumerable<string> Signals(string raw, string withoutLinks, int linkCount)
    {
        if (linkCount > 0)
            yield return linkCount switch { 1 => "1 link", 2 => "2 links", _ => "3 or more links" };
        if (PhonePattern().IsMatch(withoutLinks))
            yield return "a phone number";
        if (MoneyPattern().IsMatch(withoutLinks))
            yield return "an amount of money";
        if (EmailPattern().IsMatch(raw))
            yield return "an e-mail address";
        if (RepeatPattern().IsMatch(withoutLinks))
            yield return "a character repeated 3 times or more";
        if (raw.Count(c => c == '!') >= 2)
            yield return "several exclamation marks";
        var letters = withoutLinks.Count(char.IsLetter);
        var capitals = withoutLinks.Count(char.IsUpper);
        if (letters >= 8 && capitals * 2 >= letters)
            yield return "mostly capital letters";
        else if (ShoutedWordPattern().Matches(withoutLinks).Count >= 2)
            yield return "shouted words";
        var length = raw.Trim().Length;
        yield return length switch
        {
            < 30 => "very short text",
            < 80 => "short text",
            < 200 => "text of medium length",
            _ => "long text",
        };
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0)
                return;
            var token = word.ToString().Trim('\'');
            word.Clear();
            // Underscores join words ("my_name") but do not start or end one, except in the link placeholder.
            if (token != LinkToken)
                token = token.Trim('_');
            if (token.Length == 0)
                return;
            // A number's length says more than its digits (5-digit short codes, 11-digit phone numbers).
            words.Add(token.All(char.IsDigit) ? "#" + Math.Min(token.Length, 12).ToString(CultureInfo.InvariantCulture) : token);
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || c == '_' || c is '\'' or '’' && word.Length > 0)
                word.Append(c == '’' ? '\'' : char.ToLowerInvariant(c));
            else
                Flush();
        }
        Flush();
        return words;
    }

    private static (string Domain, string Segment) SplitLink(string link)
    {
        if (link.StartsWith("watch?v=", StringComparison.OrdinalIgnoreCase))
            return ("youtube.com", "watch");
        var text = link;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
            text = text[(schemeEnd + 3)..];
        if (text.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            text = text[4..];
        var slash = text.IndexOfAny(['/', '?', '#']);
        var domain = (slash < 0 ? text : text[..slash]).TrimEnd('.', ',', ')').ToLowerInvariant();
        if (slash < 0 || text[slash] != '/')
            return (domain, "");
        var rest = text[(slash + 1)..];
        var end = rest.IndexOfAny(['/', '?', '#', '&']);
        var segment = end < 0 ? rest : rest[..end];
        // Keep words like "user", "channel", "watch"; drop ids, which only identify one page.
        var isWord = segment.Length is > 0 and <= 12 && segment.All(c => c is >= 'a' and <= 'z');
        return (domain, isWord ? segment : "");
    }

    /// <summary>
    /// What the form of a link says whatever the site: its top-level domain, a link shortener (which hides where it
    /// leads), a referral code (someone earns from the click), a home page or a page deep inside a site.
    /// </summary>
    private static IEnumerable<string> LinkShape(string link, string domain)
    {
        var dot = domain.LastIndexOf('.');
        if (dot >= 0 && dot < domain.Length - 1 && domain[(dot + 1)..].All(char.IsAsciiLetterLower))
            yield return $"a link to a .{domain[(dot + 1)..]} site";
        if (Shorteners.Contains(domain))
            yield return "a shortened link";
        if (ReferralPattern().IsMatch(link))
            yield return "a link with a referral code";
        var path = link;
        var schemeEnd = path.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
            path = path[(schemeEnd + 3)..];
        var end = path.IndexOfAny(['?', '#']);
        var segments = (end < 0 ? path : path[..end]).Split('/', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        yield return segments switch { <= 0 => "a link to a home page", 1 => "a link to a page", _ => "a link deep inside a site" };
    }

    private static readonly HashSet<string> Shorteners =
    [
        "bit.ly", "goo.gl", "tinyurl.com", "ow.ly", "t.co", "adf.ly", "is.gd", "buff.ly", "tiny.cc",
        "shorte.st", "bc.vc", "adfoc.us", "j.mp", "cutt.ly", "rebrand.ly", "shorturl.at", "rb.gy", "tr.im", "su.pr",
    ];

    private static string DescribeWord(string word) => word switch
    {
        LinkToken => "a link",
        ['#', ..] => $"a {word[1..]}-digit number",
        _ => $"word \"{word}\"",
    };

    private static string Shown(string word) => word switch
    {
        LinkToken => "<link>",
        ['#', ..] => "<number>",
        _ => word,
    };

    private static void Normalize(List<SpamFeature> features, int from)
    {
        var count = features.Count - from;
        if (count == 0)
            return;
        var value = (float)(1 / Math.Sqrt(count));
        for (var i = from; i < features.Count; i++)
            features[i] = features[i] with { Value = value };
    }

    /// <summary>FNV-1a: stable across processes and machines, unlike string.GetHashCode.</summary>
    private static uint Hash(char kind, ReadOnlySpan<char> key)
    {
        var hash = 2166136261u;
        hash = (hash ^ kind) * 16777619u;
        foreach (var c in key)
        {
            hash = (hash ^ (c & 0xFFu)) * 16777619u;
            hash = (hash ^ (uint)(c >> 8)) * 16777619u;
        }
        return hash ^ (hash >> 15);
    }

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""']+|watch\?v=[\w-]+|\b(?:[a-z0-9-]+\.)+(?:com|net|org|info|biz|ly|me|tv|io|co|us|uk|ru|de|fr|gl|be|to|cc|xyz|online|site|club)\b(?:/[^\s<>""']*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[?&](?:ref|aff|affiliate|referral|referrer|invite|utm_\w+|r)=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferralPattern();

    [GeneratedRegex(@"[?&#]t=\d+(?:m\d+)?s?\b", RegexOptions.CultureInvariant)]
    private static partial Regex MomentPattern();

    [GeneratedRegex(@"</?[a-z][^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"(?<!\w)\+?\d[\d \-().]{7,}\d(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"[£$€¥]\s?\d|\d\s?(?:[£$€¥]|usd\b|eur\b|gbp\b|dollars?\b|pounds?\b|euros?\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(.)\1\1", RegexOptions.CultureInvariant)]
    private static partial Regex RepeatPattern();

    [GeneratedRegex(@"\b\p{Lu}{3,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex ShoutedWordPattern();
}
