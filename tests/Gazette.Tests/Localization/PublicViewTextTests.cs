using System.Text;
using System.Text.RegularExpressions;

namespace Gazette.Tests.Localization;

/// <summary>
/// Every word a reader sees comes from Labels: no public Razor view may hold literal text. The check reads the Razor
/// source and keeps only its text nodes (outside tags, Razor expressions, code blocks and C# statement lines), then
/// looks for letters; readers' attributes (alt, title, placeholder, aria-label) are checked the same way. The
/// newsroom's pages (Admin) have their own resources, and the API reference page stays English, for developers.
/// </summary>
public sealed partial class PublicViewTextTests
{
    private static readonly string[] NotPublic = ["Admin", Path.Combine("Api", "Reference.cshtml")];

    public static TheoryData<string> PublicViews()
    {
        var root = Path.Combine(SourceTree.Root, "src", "Gazette");
        return [.. Directory.GetFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file))
            .Where(file => !file.StartsWith("bin", StringComparison.Ordinal) && !file.StartsWith("obj", StringComparison.Ordinal))
            .Where(file => !NotPublic.Any(excluded => file.StartsWith(excluded, StringComparison.Ordinal)))
            .Order()];
    }

    [Theory]
    [MemberData(nameof(PublicViews))]
    public void A_public_view_has_no_literal_text(string view)
    {
        var source = File.ReadAllText(Path.Combine(SourceTree.Root, "src", "Gazette", view));

        Assert.Empty(LiteralText(source));
        Assert.Empty(ReaderAttribute().Matches(source).Select(m => m.Value));
    }

    [Fact]
    public void The_heuristic_finds_literal_text_and_leaves_razor_alone()
    {
        const string view = """
            @model Thing
            @* A comment with words. *@
            @{
                var t = Model.Labels;
            }
            <p class="note">@t["Hello"] @(Model.Count > 1 ? "many" : "one")</p>
            @if (Model.Count > 0)
            {
                var x = Model.Count;
                <span>@t.Format("Count", x) · @Model.Name</span>
            }
            else
            {
                <span>Nothing here</span>
            }
            """;

        Assert.Equal(["Nothing here"], LiteralText(view));
    }

    internal static List<string> LiteralText(string razor)
    {
        var text = new StringBuilder();
        var s = RazorComment().Replace(razor, " ");
        for (var i = 0; i < s.Length;)
        {
            var c = s[i];
            if (c == '@')
                i = SkipRazor(s, i + 1, text);
            else if (c == '<' && i + 1 < s.Length && (char.IsAsciiLetter(s[i + 1]) || s[i + 1] is '/' or '!'))
            {
                i = SkipTag(s, i + 1);
                text.Append('\n');
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        return text.ToString().Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !CodeLine().IsMatch(line))
            .Select(line => Entity().Replace(line, ""))
            .Where(line => Word().IsMatch(line))
            .ToList();
    }

    private static int SkipRazor(string s, int i, StringBuilder text)
    {
        text.Append(' ');
        if (i >= s.Length)
            return i;
        if (s[i] == '@')
            return i + 1;
        if (s[i] == '{')
            return SkipBalanced(s, i, '{', '}');
        if (s[i] == '(')
            return SkipBalanced(s, i, '(', ')');
        var start = i;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_'))
            i++;
        var keyword = s[start..i];
        if (keyword is "model" or "page" or "using" or "inject" or "namespace" or "addTagHelper" or "layout")
            return s.IndexOf('\n', i) is var end and >= 0 ? end : s.Length;
        if (keyword is "if" or "foreach" or "for" or "while" or "switch")
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
                i++;
            return i < s.Length && s[i] == '(' ? SkipBalanced(s, i, '(', ')') : i;
        }
        // An expression: a member chain with calls and indexers, like t.Format("Key", x) or t["Key"].
        while (i < s.Length)
        {
            if (s[i] == '(')
                i = SkipBalanced(s, i, '(', ')');
            else if (s[i] == '[')
                i = SkipBalanced(s, i, '[', ']');
            else if (s[i] is '.' or '?' or '!' && MemberAccess().Match(s, i) is { Success: true } access)
            {
                i += access.Length;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_'))
                    i++;
            }
            else
                break;
        }
        return i;
    }

    private static int SkipBalanced(string s, int i, char open, char close)
    {
        var depth = 0;
        for (; i < s.Length; i++)
        {
            if (s[i] == open)
                depth++;
            else if (s[i] == close && --depth == 0)
                return i + 1;
        }
        return s.Length;
    }

    /// <summary>From just after '&lt;' to just after the matching '&gt;', past quoted values and Razor inside them.</summary>
    private static int SkipTag(string s, int i)
    {
        char? quote = null;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '@' && i + 1 < s.Length && s[i + 1] is '(' or '{')
                i = SkipBalanced(s, i + 1, s[i + 1], s[i + 1] == '(' ? ')' : '}');
            else if (c == '@')
                i = SkipRazor(s, i + 1, new StringBuilder());
            else if (quote is null && c is '"' or '\'')
            {
                quote = c;
                i++;
            }
            else if (c == quote)
            {
                quote = null;
                i++;
            }
            else if (quote is null && c == '>')
                return i + 1;
            else
                i++;
        }
        return i;
    }

    /// <summary>".Name", "?.Name" or "!.Name" right here: the member chain goes on.</summary>
    [GeneratedRegex(@"\G(\.|\?\.|!\.)(?=\p{L})")]
    private static partial Regex MemberAccess();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    /// <summary>C# that sits between tags inside Razor code blocks: statements, braces, else, conditions.</summary>
    [GeneratedRegex(@"^(var\s|else\b|if\s*\(|[{}]|.*;$|string\??\s|.*=>)")]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"&[#\w]+;")]
    private static partial Regex Entity();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(alt|title|placeholder|aria-label)=""[^""@]*\p{L}{2,}[^""@]*""")]
    private static partial Regex ReaderAttribute();
}
