using SampleSupport;

namespace ProjectionSample.Tests;

/// <summary>The projection sample's command line: defaults small enough for CI, and bad input refused naming the flag.</summary>
public class SampleOptionsTests
{
    [Fact]
    public void The_defaults_are_ten_thousand_persons_three_replicates_and_2060()
    {
        var options = SampleOptions.Parse([]);
        options.Persons.Should().Be(10_000);
        options.Replicates.Should().Be(3);
        options.EndYear.Should().Be(2060);
        options.OutputFolder.Should().Be("projection-report");
        options.Panel.Should().BeFalse();

        var given = SampleOptions.Parse(["--persons", "5000", "--replicates", "5", "--end", "2040", "--seed", "9", "--out", "x", "--panel"]);
        given.Should().Be(new SampleOptions { Persons = 5000, Replicates = 5, EndYear = 2040, Seed = 9, OutputFolder = "x", Panel = true });
    }

    [Theory]
    [InlineData("--persons", "--persons", "abc")]
    [InlineData("--persons", "--persons", "1999")]
    [InlineData("--replicates", "--replicates", "0")]
    [InlineData("--replicates", "--replicates", "61")]
    [InlineData("--end", "--end", "2061")]
    [InlineData("--end", "--end", "2025")]
    [InlineData("--seed", "--seed", "-1")]
    [InlineData("--frobnicate", "--frobnicate")]
    [InlineData("--panel", "--panel", "--no-out")]
    public void Bad_input_is_refused_naming_the_flag(string flag, params string[] args)
        => FluentActions.Invoking(() => SampleOptions.Parse(args)).Should().Throw<UsageException>().Which.Message.Should().Contain(flag);
}
