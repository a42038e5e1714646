using Gazette.Spam;

namespace Gazette.Tests.Spam;

public sealed class SpamScoreVerbTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("gazette-spam-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private (int ExitCode, string Output, string Error) Run(string csv, params string[] extra)
    {
        var path = Path.Combine(directory, "comments.csv");
        File.WriteAllText(path, csv);
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = SpamScoreVerb.Run(extra.Length > 0 ? extra : [path], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Scores_each_row_with_its_id_and_ignores_the_class_column()
    {
        var (exitCode, output, error) = Run(
            "\"COMMENT_ID\",\"AUTHOR\",\"DATE\",\"CONTENT\",\"CLASS\"\n" +
            "c1,Someone,2014-01-01,\"Check out my channel, and please SUBSCRIBE!!! http://www.youtube.com/user/x\",0\n" +
            "c2,Reader,,\"Thank you for this article;\nthe part on the council vote was clear.\",1\n");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(["c1", "spam"], [lines[0][0], lines[0][2]]);
        Assert.Equal(["c2", "ham"], [lines[1][0], lines[1][2]]);
        Assert.All(lines, l => Assert.Matches(@"^[01]\.\d{4}$", l[1]));
    }

    [Fact]
    public void Numbers_rows_when_there_is_no_id_column()
    {
        var (exitCode, output, _) = Run("CONTENT\nfirst comment\n\"second, with a comma\"\n");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("1,", output);
        Assert.Contains("\n2,", output);
    }

    [Fact]
    public void A_header_without_content_is_an_error_on_line_1()
    {
        var (exitCode, output, error) = Run("COMMENT_ID,TEXT\nc1,hello\n");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("line 1", error);
        Assert.Contains("CONTENT", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_malformed_row_is_an_error_with_its_line_and_nothing_is_printed()
    {
        var (exitCode, output, error) = Run("COMMENT_ID,CONTENT\nc1,fine\nc2,\"multi\nline\"\nc3,one,too many\n");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("line 5", error);
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        var (exitCode, _, error) = Run("", Path.Combine(directory, "absent.csv"));

        Assert.Equal(1, exitCode);
        Assert.Contains("not found", error);
    }

    [Fact]
    public void Help_prints_the_usage()
    {
        var (exitCode, output, _) = Run("", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("spam score FILE.csv", output);
    }
}
