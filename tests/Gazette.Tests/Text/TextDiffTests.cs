using Gazette.Text.Diffs;

namespace Gazette.Tests.Text;

public class TextDiffTests
{
    private static string Show(IReadOnlyList<DiffPart<string>> parts) => string.Concat(parts.Select(p => p.Kind switch
    {
        DiffKind.Deleted => $"[-{string.Concat(p.Items)}-]",
        DiffKind.Inserted => $"{{+{string.Concat(p.Items)}+}}",
        _ => string.Concat(p.Items),
    }));

    [Fact]
    public void A_changed_word_is_shown_as_one_deletion_and_one_insertion()
    {
        var parts = TextDiff.Compare(TextDiff.Words("The harbour opens at dawn."), TextDiff.Words("The harbour opens at noon."));

        Assert.Equal("The harbour opens at [-dawn.-]{+noon.+}", Show(parts));
    }

    [Fact]
    public void Lines_added_and_removed_in_the_middle_keep_the_common_lines()
    {
        string[] before = ["a", "b", "c", "d"];
        string[] after = ["a", "c", "x", "d"];

        var parts = TextDiff.Compare(before, after);

        Assert.Equal([DiffKind.Same, DiffKind.Deleted, DiffKind.Same, DiffKind.Inserted, DiffKind.Same], parts.Select(p => p.Kind));
    }

    [Fact]
    public void Words_keep_the_spaces_so_the_text_joins_back_exactly()
    {
        const string text = "  two  words\tand a tab ";

        Assert.Equal(text, string.Concat(TextDiff.Words(text)));
    }

    [Fact]
    public void Identical_and_empty_inputs_give_no_changes()
    {
        Assert.All(TextDiff.Compare(["same"], ["same"]), p => Assert.Equal(DiffKind.Same, p.Kind));
        Assert.Empty(TextDiff.Compare(Array.Empty<string>(), Array.Empty<string>()));
    }

    [Fact]
    public void A_huge_rewrite_falls_back_to_a_whole_replacement_instead_of_a_huge_table()
    {
        var before = Enumerable.Range(0, 3000).Select(i => $"old {i}").ToList();
        var after = Enumerable.Range(0, 3000).Select(i => $"new {i}").ToList();

        var parts = TextDiff.Compare(before, after);

        Assert.Equal([DiffKind.Deleted, DiffKind.Inserted], parts.Select(p => p.Kind));
    }
}
