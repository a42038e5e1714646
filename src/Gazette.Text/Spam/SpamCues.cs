using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Gazette.Text.Spam;

/// <summary>
/// Cues that generalise across pages: words are grouped into a few classes (a request such as "check out" or
/// "subscribe", a channel or media word, a social network, an audience count) and the cues are combinations of the
/// classes, such as "my" followed by a media word. A new spam campaign uses new words ("my playlist", "my blog") in
/// old patterns; the classes let a pattern learned from one page recognise the next. Which cues mean spam, and how
/// much, is still learned: nothing here carries a weight.
/// </summary>
internal static partial class SpamCues
{
    private enum WordClass { None, Request, Subscribe, Media, Network, Audience, Self, Offer }

    private static readonly FrozenDictionary<string, WordClass> Classes = new Dictionary<string, WordClass>
    {
        ["check"] = WordClass.Request,
        ["look"] = WordClass.Request,
        ["visit"] = WordClass.Request,
        ["watch"] = WordClass.Request,
        ["listen"] = WordClass.Request,
        ["follow"] = WordClass.Request,
        ["share"] = WordClass.Request,
        ["search"] = WordClass.Request,
        ["join"] = WordClass.Request,
        ["click"] = WordClass.Request,
        ["support"] = WordClass.Request,
        ["download"] = WordClass.Request,
        ["vote"] = WordClass.Request,
        ["donate"] = WordClass.Request,
        ["add"] = WordClass.Request,
        ["come"] = WordClass.Request,
        ["go"] = WordClass.Request,
        ["help"] = WordClass.Request,
        ["please"] = WordClass.Request,
        ["plz"] = WordClass.Request,
        ["pls"] = WordClass.Request,
        ["plzz"] = WordClass.Request,
        ["plese"] = WordClass.Request,
        ["like"] = WordClass.Request,
        ["view"] = WordClass.Request,
        ["hit"] = WordClass.Request,
        ["give"] = WordClass.Request,
        ["discover"] = WordClass.Request,
        ["checkout"] = WordClass.Request,
        ["sub"] = WordClass.Subscribe,
        ["subs"] = WordClass.Subscribe,
        ["channel"] = WordClass.Media,
        ["channels"] = WordClass.Media,
        ["chanel"] = WordClass.Media,
        ["canal"] = WordClass.Media,
        ["video"] = WordClass.Media,
        ["videos"] = WordClass.Media,
        ["vid"] = WordClass.Media,
        ["vids"] = WordClass.Media,
        ["vlog"] = WordClass.Media,
        ["vlogs"] = WordClass.Media,
        ["music"] = WordClass.Media,
        ["song"] = WordClass.Media,
        ["songs"] = WordClass.Media,
        ["track"] = WordClass.Media,
        ["tracks"] = WordClass.Media,
        ["playlist"] = WordClass.Media,
        ["blog"] = WordClass.Media,
        ["profile"] = WordClass.Media,
        ["page"] = WordClass.Media,
        ["cover"] = WordClass.Media,
        ["covers"] = WordClass.Media,
        ["rap"] = WordClass.Media,
        ["raps"] = WordClass.Media,
        ["album"] = WordClass.Media,
        ["mixtape"] = WordClass.Media,
        ["account"] = WordClass.Media,
        ["website"] = WordClass.Media,
        ["site"] = WordClass.Media,
        ["stream"] = WordClass.Media,
        ["movie"] = WordClass.Media,
        ["film"] = WordClass.Media,
        ["beats"] = WordClass.Media,
        ["remix"] = WordClass.Media,
        ["single"] = WordClass.Media,
        ["shop"] = WordClass.Media,
        ["store"] = WordClass.Media,
        ["app"] = WordClass.Media,
        ["game"] = WordClass.Media,
        ["work"] = WordClass.Media,
        ["youtube"] = WordClass.Network,
        ["twitter"] = WordClass.Network,
        ["instagram"] = WordClass.Network,
        ["insta"] = WordClass.Network,
        ["ig"] = WordClass.Network,
        ["facebook"] = WordClass.Network,
        ["fb"] = WordClass.Network,
        ["soundcloud"] = WordClass.Network,
        ["snapchat"] = WordClass.Network,
        ["tumblr"] = WordClass.Network,
        ["twitch"] = WordClass.Network,
        ["itunes"] = WordClass.Network,
        ["spotify"] = WordClass.Network,
        ["paypal"] = WordClass.Network,
        ["google"] = WordClass.Network,
        ["subscribers"] = WordClass.Audience,
        ["subscriber"] = WordClass.Audience,
        ["followers"] = WordClass.Audience,
        ["views"] = WordClass.Audience,
        ["likes"] = WordClass.Audience,
        ["fans"] = WordClass.Audience,
        ["viewers"] = WordClass.Audience,
        // What scams and giveaways promise (SMS and comment spam alike).
        ["free"] = WordClass.Offer,
        ["win"] = WordClass.Offer,
        ["winner"] = WordClass.Offer,
        ["prize"] = WordClass.Offer,
        ["prizes"] = WordClass.Offer,
        ["giveaway"] = WordClass.Offer,
        ["gift"] = WordClass.Offer,
        ["cash"] = WordClass.Offer,
        ["money"] = WordClass.Offer,
        ["earn"] = WordClass.Offer,
        ["bonus"] = WordClass.Offer,
        ["reward"] = WordClass.Offer,
        ["bitcoin"] = WordClass.Offer,
        ["bitcoins"] = WordClass.Offer,
        ["discount"] = WordClass.Offer,
        ["my"] = WordClass.Self,
        ["our"] = WordClass.Self,
        ["me"] = WordClass.Self,
        ["us"] = WordClass.Self,
    }.ToFrozenDictionary();

    /// <summary>Undoes common disguises: "c h e c k" becomes "check", "site . com" and "site dot com" become "site.com".</summary>
    public static string Undisguise(string text)
    {
        text = SpacedLettersPattern().Replace(text, match => match.Value.Replace(" ", ""));
        return SpacedDotPattern().Replace(text, ".");
    }

    /// <param name="words">the lower-cased words of the text, numbers as "#" and their length.</param>
    public static IEnumerable<string> Of(IReadOnlyList<string> words, string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var classes = words.Select(Classify).ToArray();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            switch (classes[i])
            {
                case WordClass.Subscribe:
                    found.Add("a word like \"subscribe\"");
                    break;
                case WordClass.Network:
                    found.Add("names a social network");
                    break;
                case WordClass.Audience:
                    found.Add("talks of subscribers, views or likes");
                    if (i > 0 && words[i - 1].StartsWith('#'))
                        found.Add("a number of subscribers, views or likes");
                    break;
                case WordClass.Offer:
                    found.Add("offers money, a prize or something free");
                    if (words.Contains(LinkToken))
                        found.Add("an offer with a link");
                    break;
                case WordClass.Media when Before(classes, i, 3, WordClass.Self) && (word != "work" || i > 0 && words[i - 1] == "my"):
                    found.Add("\"my\" before a word like \"channel\", \"video\" or \"music\"");
                    break;
            }
            if (classes[i] is WordClass.Request or WordClass.Subscribe)
            {
                if (After(classes, i, 4, WordClass.Media))
                    found.Add("asks to check out a video, song or channel");
                if (i == 0)
                    found.Add("starts with a request (\"check\", \"subscribe\", \"please\")");
                if (After(classes, i, 3, WordClass.Self))
                    found.Add("asks to check, follow or subscribe to the writer");
            }
        }
        if (classes.Length > 0 && classes[0] is (WordClass.Request or WordClass.Subscribe) && words.Contains(LinkToken))
            found.Add("starts with a request and gives a link");
        if (GoalPattern().IsMatch(text))
            found.Add("promises something for reaching a number (\"if I get 100 subscribers\")");
        if (IntroductionPattern().IsMatch(text))
            found.Add("the writer introduces themselves (\"my name is\", \"I'm a rapper\")");
        if (SearchPattern().IsMatch(text))
            found.Add("asks to search for a quoted name");
        if (HandlePattern().IsMatch(text))
            found.Add("an @name");
        if (SwapPattern().IsMatch(text))
            found.Add("offers a swap (\"sub for sub\", \"like 4 like\")");
        return found.Order(StringComparer.Ordinal);
    }

    /// <summary>The word that stands for a link in the words of a text (see <see cref="SpamFeatures"/>).</summary>
    internal const string LinkToken = "_link_";

    private static WordClass Classify(string word)
    {
        if (Classes.TryGetValue(word, out var wordClass))
            return wordClass;
        // "subscribe", "subscribed", "suscribirse", "sucscribe" and other spellings.
        if (word.Length >= 6 && (word.StartsWith("subscri", StringComparison.Ordinal) || word.StartsWith("suscri", StringComparison.Ordinal)
            || word.StartsWith("sucscri", StringComparison.Ordinal) || word.StartsWith("subcri", StringComparison.Ordinal)))
            return word.EndsWith("ers", StringComparison.Ordinal) || word.EndsWith("er", StringComparison.Ordinal) ? WordClass.Audience : WordClass.Subscribe;
        return WordClass.None;
    }

    private static bool Before(WordClass[] classes, int index, int window, WordClass wanted)
    {
        for (var j = Math.Max(0, index - window); j < index; j++)
            if (classes[j] == wanted)
                return true;
        return false;
    }

    private static bool After(WordClass[] classes, int index, int window, WordClass wanted)
    {
        for (var j = index + 1; j < Math.Min(classes.Length, index + 1 + window); j++)
            if (classes[j] == wanted)
                return true;
        return false;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\p{L} ){3,}\p{L}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedLettersPattern();

    [GeneratedRegex(@"(?<=[\p{L}\p{N}])(?:\s*\.\s+|\s+\.\s*|\s+dot\s+)(?=(?:com|net|org|info|ly|tv|co|me)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpacedDotPattern();

    [GeneratedRegex(@"\bif\s+(?:i|we|this|my\s+\w+)\s+(?:gets?|reach(?:es)?|hits?)\s+(?:to\s+)?\d[\d,.]*\s*[km]?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GoalPattern();

    [GeneratedRegex(@"\bmy\s+name\s+is\b|\b(?:i['’]?m|i\s+am|we['’]?\s?re|we\s+are)\s+(?:a\s+|an\s+)?(?:\d{1,2}\s*(?:yr|yrs|year|years)\b|(?:young|new|upcoming|aspiring|independent|small)\b|(?:\w+\s+){0,2}(?:rapper|singer|producer|artist|musician|youtuber|vlogger|songwriter|dj|band|gamer|dancer|comedian)s?\b)|\b\d{1,2}\s*(?:yr|year)s?\s+old\s+(?:\w+\s+){0,2}(?:singer|rapper|producer|artist|youtuber|twins|girl|boy)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntroductionPattern();

    [GeneratedRegex(@"\b(?:search|look\s+up|google)\s+(?:for\s+)?[""“]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SearchPattern();

    [GeneratedRegex(@"(?<![\w.])@\s?[A-Za-z_][\w.]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex HandlePattern();

    [GeneratedRegex(@"\b(sub|like|follow|f|l|s|view)\s*(?:4|for|x)\s*\1\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SwapPattern();
}
