using System.Globalization;

using Gazette.Text.Spam;

namespace Gazette.Spam;

/// <summary>
/// <c>spam score FILE.csv</c>: scores comments in the format of the YouTube Spam Collection (a header with
/// <c>CONTENT</c>, optionally <c>AUTHOR</c> and <c>COMMENT_ID</c>; any other column, <c>CLASS</c> included, is
/// ignored) with the shipped model, and prints <c>id,score,label</c> per row. Needs neither the database nor the
/// web server.
/// </summary>
public static class SpamScoreVerb
{
    public const string Usage = """
        Usage: gazette spam score FILE.csv

        Scores each comment of FILE.csv with Gazette's built-in spam classifier (local; nothing is sent anywhere).
        FILE.csv has a header row with a CONTENT column, and optionally AUTHOR and COMMENT_ID (the format of the
        YouTube Spam Collection); other columns, such as CLASS, are ignored. Prints one line per row, no header:
          id,score,label
        id is COMMENT_ID, or the 1-based row number without that column; score is the probability of spam
        (0..1, 4 decimals); label is spam when the score reaches the model's threshold, else ham.
        Exit code 0 on success, 1 on bad input with the line number and the reason on stderr.
        """;

    /// <param name="args">the arguments after <c>spam score</c>.</param>
    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args, Console.Out, Console.Error));

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["--help" or "-h", ..])
        {
            output.WriteLine(Usage);
            return 0;
        }
        if (args is not [var path])
        {
            error.WriteLine("gazette spam score: expected one FILE.csv argument; run `gazette spam score --help` for usage.");
            return 1;
        }
        if (!File.Exists(path))
        {
            error.WriteLine($"gazette spam score: file not found: {path}");
            return 1;
        }
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Score(reader, SpamModel.LoadShipped(), output, error);
    }

    /// <summary>Scores every row; on bad input nothing more is printed and the reason goes to <paramref name="error"/>.</summary>
    public static int Score(TextReader csv, SpamModel model, TextWriter output, TextWriter error)
    {
        try
        {
            using var records = CsvRecords.Read(csv).GetEnumerator();
            if (!records.MoveNext())
                throw new CsvFormatException(1, "the file is empty; expected a header with a CONTENT column");
            var header = records.Current.Fields.Select(name => name.Trim()).ToList();
            var content = Column(header, "CONTENT");
            if (content < 0)
                throw new CsvFormatException(records.Current.Line, "the header has no CONTENT column");
            var author = Column(header, "AUTHOR");
            var id = Column(header, "COMMENT_ID");
            // Rows are checked before anything is printed: a malformed file gives an error, not half an answer.
            var lines = new List<string>();
            var row = 0;
            while (records.MoveNext())
            {
                var record = records.Current;
                row++;
                if (record.Fields.Count != header.Count)
                    throw new CsvFormatException(record.Line, $"{record.Fields.Count} fields where the header has {header.Count}");
                var probability = model.Probability(record.Fields[content], author < 0 ? null : record.Fields[author]);
                var name = id < 0 ? row.ToString(CultureInfo.InvariantCulture) : Escape(record.Fields[id]);
                var label = probability >= model.Threshold ? "spam" : "ham";
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{name},{probability:0.0000},{label}"));
            }
            foreach (var line in lines)
                output.WriteLine(line);
            return 0;
        }
        catch (CsvFormatException e)
        {
            error.WriteLine($"gazette spam score: line {e.Line}: {e.Reason}");
            return 1;
        }
    }

    private static int Column(List<string> header, string name) =>
        header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
