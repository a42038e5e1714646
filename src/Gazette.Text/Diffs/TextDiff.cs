namespace Gazette.Text.Diffs;

public enum DiffKind
{
    Same,
    Deleted,
    Inserted,
}

/// <summary>One run of a diff: items that both sides share, or that only the old or only the new side has.</summary>
public sealed record DiffPart<T>(DiffKind Kind, IReadOnlyList<T> Items);

/// <summary>
/// A longest-common-subsequence diff over any sequence (lines of a story, words of a line). Common ends are
/// trimmed first, so a small edit to a long body costs little; past <see cref="MaxCells"/> the middle is shown
/// as a whole replacement rather than spending unbounded time and memory.
/// </summary>
public static class TextDiff
{
    public const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffPart<T>> Compare<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, IEqualityComparer<T>? comparer = null)
    {
        comparer ??= EqualityComparer<T>.Default;
        var prefix = 0;
        while (prefix < before.Count && prefix < after.Count && comparer.Equals(before[prefix], after[prefix]))
            prefix++;
        var suffix = 0;
        while (suffix < before.Count - prefix && suffix < after.Count - prefix
               && comparer.Equals(before[before.Count - 1 - suffix], after[after.Count - 1 - suffix]))
            suffix++;

        var parts = new List<DiffPart<T>>();
        var builder = new PartBuilder<T>(parts);
        for (var i = 0; i < prefix; i++)
            builder.Add(DiffKind.Same, before[i]);

        var oldMiddle = Slice(before, prefix, before.Count - suffix);
        var newMiddle = Slice(after, prefix, after.Count - suffix);
        if ((long)oldMiddle.Count * newMiddle.Count > MaxCells)
        {
            foreach (var item in oldMiddle)
                builder.Add(DiffKind.Deleted, item);
            foreach (var item in newMiddle)
                builder.Add(DiffKind.Inserted, item);
        }
        else
        {
            Middle(oldMiddle, newMiddle, comparer, builder);
        }

        for (var i = before.Count - suffix; i < before.Count; i++)
            builder.Add(DiffKind.Same, before[i]);
        return parts;
    }

    /// <summary>Splits text into words and the spaces between them, so a word diff can be joined back exactly.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || char.IsWhiteSpace(text[i]) != char.IsWhiteSpace(text[start]))
            {
                words.Add(text[start..i]);
                start = i;
            }
        }
        return words;
    }

    private static void Middle<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, IEqualityComparer<T> comparer, PartBuilder<T> builder)
    {
        // lengths[i, j] = length of the LCS of before[i..] and after[j..].
        var lengths = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
            for (var j = after.Count - 1; j >= 0; j--)
                lengths[i, j] = comparer.Equals(before[i], after[j])
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);

        int x = 0, y = 0;
        while (x < before.Count && y < after.Count)
        {
            if (comparer.Equals(before[x], after[y]))
            {
                builder.Add(DiffKind.Same, before[x++]);
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                builder.Add(DiffKind.Deleted, before[x++]);
            }
            else
            {
                builder.Add(DiffKind.Inserted, after[y++]);
            }
        }
        while (x < before.Count)
            builder.Add(DiffKind.Deleted, before[x++]);
        while (y < after.Count)
            builder.Add(DiffKind.Inserted, after[y++]);
    }

    private static List<T> Slice<T>(IReadOnlyList<T> items, int from, int to)
    {
        var slice = new List<T>(Math.Max(0, to - from));
        for (var i = from; i < to; i++)
            slice.Add(items[i]);
        return slice;
    }

    private sealed class PartBuilder<T>(List<DiffPart<T>> parts)
    {
        private List<T>? run;
        private DiffKind kind;

        public void Add(DiffKind itemKind, T item)
        {
            if (run is null || itemKind != kind)
            {
                run = [];
                kind = itemKind;
                parts.Add(new DiffPart<T>(kind, run));
            }
            run.Add(item);
        }
    }
}
