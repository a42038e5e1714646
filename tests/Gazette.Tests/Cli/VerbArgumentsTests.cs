using Gazette.Cli;

namespace Gazette.Tests.Cli;

public sealed class VerbArgumentsTests
{
    private static readonly string[] Options = ["--email", "--name"];
    private static readonly string[] Switches = ["--download"];

    [Fact]
    public void Options_switches_and_positional_arguments_are_read_in_any_order()
    {
        var read = VerbArguments.Read(["export.xml", "--name", "Claire Vasseur", "--download", "--email", "c@example.org"], Options, Switches, positional: 1, out var problem);
        Assert.NotNull(read);
        Assert.Equal("", problem);
        Assert.Equal("c@example.org", read["--email"]);
        Assert.Equal("Claire Vasseur", read["--name"]);
        Assert.True(read.Has("--download"));
        Assert.Equal(["export.xml"], read.Positional);
        Assert.Null(VerbArguments.Read([], Options, Switches, positional: 1, out _)!["--email"]);
    }

    [Theory]
    [InlineData(new[] { "--email" }, "--email needs a value")]
    [InlineData(new[] { "--email", "" }, "--email needs a value")]
    [InlineData(new[] { "--colour", "red" }, "unknown argument '--colour'")]
    [InlineData(new[] { "a.xml", "b.xml" }, "unexpected argument 'b.xml'")]
    public void What_does_not_fit_is_refused_with_a_one_line_reason(string[] args, string reason)
    {
        Assert.Null(VerbArguments.Read(args, Options, Switches, positional: 1, out var problem));
        Assert.Equal(reason, problem);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void Help_is_asked_for_anywhere_among_the_arguments()
    {
        Assert.True(VerbArguments.AskHelp(["--email", "x", "-h"]));
        Assert.False(VerbArguments.AskHelp(["--email", "x"]));
    }

    [Fact]
    public void Configuration_overrides_are_kept_for_the_verbs_host()
    {
        var read = VerbArguments.Read(["--Gazette:DataDirectory", "/srv/site", "out"], Options, Switches, positional: 1, out _);
        Assert.NotNull(read);
        Assert.Equal([new KeyValuePair<string, string?>("Gazette:DataDirectory", "/srv/site")], read.Settings);
        Assert.Equal(["out"], read.Positional);
    }
}
