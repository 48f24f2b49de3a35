using System.Globalization;

namespace ProvincialComparison;

/// <summary>Command-line options of the main sample.</summary>
internal sealed record SampleOptions
{
    public int PersonsPerProvince { get; init; } = 200_000;

    public ulong Seed { get; init; } = 20_231;

    public string? OutputFolder { get; init; } = "report";

    public DateOnly Date { get; init; } = new(2024, 6, 30);

    public int HealthReplicates { get; init; } = 10;

    public static SampleOptions Parse(string[] args)
    {
        var options = new SampleOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option {args[i]} needs a value.");
            options = args[i] switch
            {
                "--persons" => options with { PersonsPerProvince = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = ulong.Parse(Value(), CultureInfo.InvariantCulture) },
                "--out" => options with { OutputFolder = Value() },
                "--no-out" => options with { OutputFolder = null },
                "--replicates" => options with { HealthReplicates = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--date" => options with { Date = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.{Environment.NewLine}{Usage}"),
            };
        }

        if (options.PersonsPerProvince is < 10_000 or > 20_000_000)
        {
            throw new ArgumentException($"--persons must be between 10,000 and 20,000,000; got {options.PersonsPerProvince:N0}.");
        }

        if (options.HealthReplicates is < 2 or > 1000)
        {
            throw new ArgumentException($"--replicates must be between 2 and 1,000; got {options.HealthReplicates:N0}.");
        }

        return options;
    }

    public const string Usage = """
        Usage: dotnet run -c Release --project samples/ProvincialComparison -- [options]
          --persons N    sample persons per province (default 200000; 10000 to 20000000)
          --seed S       random seed for the synthetic populations (default 20231)
          --date D       simulation date, yyyy-MM-dd (default 2024-06-30)
          --replicates R Monte Carlo replicates of the medical bills (default 10; 2 to 1000)
          --out DIR      folder for results.json, results.csv, health.csv and the PNG charts (default ./report)
          --no-out       do not write files
        """;
}
