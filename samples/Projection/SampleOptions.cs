using System.Globalization;

namespace ProjectionSample;

/// <summary>Command-line options of the projection sample.</summary>
/// <remarks>
/// The same small, strict hand parser as the main sample (samples/ProvincialComparison): every flag is known, given at
/// most once, and its value parsed in full (digits only) and range-checked before any work starts.
/// </remarks>
internal sealed record SampleOptions
{
    public const int StartYear = 2024;
    public const int MinPersons = 2_000;
    public const int MaxPersons = 2_000_000;
    public const int MaxReplicates = 60;
    public const int MinEndYear = 2026;
    public const int MaxEndYear = 2060;

    public int Persons { get; init; } = 10_000;

    public int Replicates { get; init; } = 3;

    public int EndYear { get; init; } = MaxEndYear;

    public ulong Seed { get; init; } = 2024;

    public string? OutputFolder { get; init; } = "projection-report";

    /// <summary>Also stream per-person panels (one Parquet file per region and scenario).</summary>
    public bool Panel { get; init; }

    public bool Verbose { get; init; }

    public bool Help { get; init; }

    private static readonly string[] Flags = ["--persons", "--replicates", "--end", "--seed", "--out", "--no-out", "--panel", "--verbose", "--help", "-h"];

    /// <summary>Parses <paramref name="args"/>; throws <see cref="UsageException"/> on the first problem.</summary>
    public static SampleOptions Parse(string[] args)
    {
        var options = new SampleOptions();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            string flag = args[i];
            if (!Flags.Contains(flag))
            {
                throw new UsageException($"unknown option '{flag}'; allowed: {string.Join(", ", Flags)} (see --help).");
            }

            string key = flag == "-h" ? "--help" : flag;
            if (!seen.Add(key))
            {
                throw new UsageException($"{flag} is given more than once; allowed: each option at most once.");
            }

            string Value(string allowed)
            {
                if (i + 1 >= args.Length || Flags.Contains(args[i + 1]))
                {
                    throw new UsageException($"{flag} needs a value; allowed: {allowed}.");
                }

                return args[++i];
            }

            options = key switch
            {
                "--persons" => options with { Persons = Integer(flag, Value(PersonsAllowed), MinPersons, MaxPersons, PersonsAllowed) },
                "--replicates" => options with { Replicates = Integer(flag, Value(ReplicatesAllowed), 1, MaxReplicates, ReplicatesAllowed) },
                "--end" => options with { EndYear = Integer(flag, Value(EndAllowed), MinEndYear, MaxEndYear, EndAllowed) },
                "--seed" => options with { Seed = ParseSeed(flag, Value(SeedAllowed)) },
                "--out" => options with { OutputFolder = Folder(flag, Value(OutAllowed)) },
                "--no-out" => options with { OutputFolder = null },
                "--panel" => options with { Panel = true },
                "--verbose" => options with { Verbose = true },
                _ => options with { Help = true },
            };
        }

        if (seen.Contains("--out") && seen.Contains("--no-out"))
        {
            throw new UsageException("--out and --no-out are both given; allowed: one of them.");
        }

        if (options.Panel && options.OutputFolder is null)
        {
            throw new UsageException("--panel is given with --no-out; allowed: --panel with an output folder.");
        }

        return options;
    }

    private const string PersonsAllowed = "a whole number of sample persons per region from 2000 to 2000000, digits only";
    private const string ReplicatesAllowed = "a whole number from 1 to 60, digits only";
    private const string EndAllowed = "a year from 2026 to 2060 (the demographic assumptions end in 2060), digits only";
    private const string SeedAllowed = "a whole number from 0 to 18446744073709551615, digits only";
    private const string OutAllowed = "a folder path";

    private static int Integer(string flag, string value, int min, int max, string allowed)
    {
        if (!IsDigits(value))
        {
            throw new UsageException($"{flag} '{value}' is not a whole number; allowed: {allowed}.");
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int result) || result < min || result > max)
        {
            throw new UsageException($"{flag} '{value}' is out of range; allowed: {allowed}.");
        }

        return result;
    }

    private static ulong ParseSeed(string flag, string value)
    {
        if (!IsDigits(value))
        {
            throw new UsageException($"{flag} '{value}' is not a whole number; allowed: {SeedAllowed}.");
        }

        return ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong result)
            ? result
            : throw new UsageException($"{flag} '{value}' is out of range; allowed: {SeedAllowed}.");
    }

    private static string Folder(string flag, string value) =>
        value.Length > 0 && value.IndexOfAny(Path.GetInvalidPathChars()) < 0
            ? value
            : throw new UsageException($"{flag} '{value}' is not a valid path; allowed: {OutAllowed}.");

    private static bool IsDigits(string value) => value.Length > 0 && value.All(char.IsAsciiDigit);

    public const string Usage = """
        Usage: dotnet run -c Release --project samples/Projection -- [options]
        The 2024 retirement reform against no reform, 2024 to the end year, for China and Zhejiang.
          --persons N    sample persons per region (default 10000; 2000 to 2000000)
          --replicates R Monte Carlo replicates of each projection (default 3; 1 to 60)
          --end YEAR     last projected year (default 2060; 2026 to 2060)
          --seed S       random seed of the populations and the projections (default 2024; 0 to 18446744073709551615)
          --out DIR      folder for the per-year tables (CSV and Parquet) and the PNG charts (default ./projection-report);
                         written to a temporary folder next to it and moved into place at the end
          --no-out       do not write files
          --panel        also stream per-person panels to DIR/<region>-<scenario>-panel.parquet, year by year
          --verbose      on an unexpected error, print the stack trace too (or set SOCIALSECURITY_VERBOSE=1)
          --help, -h     print this help and exit
        Exit codes: 0 done, 1 unexpected error, 2 invalid command line.
        """;
}
