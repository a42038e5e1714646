using Gazette.Spam;

namespace Gazette.Tests.Spam;

public sealed class CsvRecordsTests
{
    private static List<CsvRecord> Read(string text) => CsvRecords.Read(new StringReader(text)).ToList();

    [Fact]
    public void Reads_quoted_fields_with_commas_doubled_quotes_and_newlines()
    {
        var records = Read("A,B,C\n1,\"x, \"\"y\"\"\nz\",plain\n2,,\"\"\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["1", "x, \"y\"\nz", "plain"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["2", "", ""], records[2].Fields);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public void Accepts_a_byte_order_mark_crlf_and_no_final_newline()
    {
        var records = Read("\uFEFFCONTENT,CLASS\r\n\"a\r\nb\",1\r\nlast,0");

        Assert.Equal("CONTENT", records[0].Fields[0]);
        Assert.Equal("a\r\nb", records[1].Fields[0]);
        Assert.Equal(["last", "0"], records[2].Fields);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public void Skips_blank_lines()
    {
        Assert.Equal(2, Read("A\n\nx\n\n").Count);
    }

    [Theory]
    [InlineData("A,B\n1,\"open\n2,3\n", 2, "not closed")]
    [InlineData("A,B\n1,2\nx\"y,3\n", 3, "quote inside an unquoted field")]
    [InlineData("A,B\n\"a\"b,3\n", 2, "after the closing quote")]
    public void Malformed_input_names_its_line(string text, int line, string reason)
    {
        var error = Assert.Throws<CsvFormatException>(() => Read(text));

        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason);
    }
}
