using System.Text;

namespace Gazette.Spam;

/// <summary>A CSV file that cannot be read: the 1-based line where the problem starts and what it is.</summary>
public sealed class CsvFormatException(int line, string reason) : Exception($"line {line}: {reason}")
{
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}

/// <summary>One record: its fields and the physical line it starts on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180 reader: comma-separated fields, optionally in double quotes; inside quotes, commas, CR/LF and doubled
/// quotes ("") are data. Accepts LF or CRLF line ends and a leading UTF-8 byte-order mark; skips blank lines. A
/// quote inside an unquoted field, text after a closing quote, or a quote left open is a format error.
/// </summary>
public static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var recordLine = 1;
        var atFieldStart = true;
        var quoted = false;
        var afterClosingQuote = false;
        var first = true;
        while (true)
        {
            var next = reader.Read();
            if (first && next == '\uFEFF')
            {
                first = false;
                continue;
            }
            first = false;
            if (next == -1 || next is '\n' or '\r' && !quoted)
            {
                if (next == '\r' && reader.Peek() == '\n')
                    reader.Read();
                if (quoted)
                    throw new CsvFormatException(recordLine, "a quoted field is not closed before the end of the file");
                var blank = fields.Count == 0 && field.Length == 0 && atFieldStart && !afterClosingQuote;
                if (!blank)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(recordLine, fields.ToArray());
                }
                if (next == -1)
                    yield break;
                fields.Clear();
                field.Clear();
                (atFieldStart, afterClosingQuote) = (true, false);
                recordLine = ++line;
                continue;
            }
            var c = (char)next;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                        (quoted, afterClosingQuote) = (false, true);
                }
                else
                {
                    if (c == '\n' || c == '\r' && reader.Peek() != '\n')
                        line++;
                    field.Append(c);
                }
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                (atFieldStart, afterClosingQuote) = (true, false);
            }
            else if (afterClosingQuote)
                throw new CsvFormatException(line, "text after the closing quote of a field");
            else if (c == '"')
            {
                if (!atFieldStart)
                    throw new CsvFormatException(line, "a quote inside an unquoted field");
                (quoted, atFieldStart) = (true, false);
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
            }
        }
    }
}
