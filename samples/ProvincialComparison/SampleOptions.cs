using System.Globalization;

namespace ProvincialComparison;

/// <summary>Command-line options of the main sample.</summary>
/// <remarks>
/// A small, strict hand parser: every flag is known, given at most once, and its value parsed in full (digits only for
/// numbers, exactly yyyy-MM-dd for dates) and range-checked before any work starts. Errors are one line naming the flag,
/// the value and what is allowed.
/// </remarks>
internal sealed record SampleOptions
{
    public const int MinPersons = 10_000;
    public const int MaxPersons = 20_000_000;
    public const int MinReplicates = 2;
    public const int MaxReplicates = 1000;

    public int PersonsPerProvince { get; init; } = 200_000;

    public ulong Seed { get; init; } = 20_231;

    public string? OutputFolder { get; init; } = "report";

    /// <summary>The baseline date: the reference study's fieldwork (2023); see docs/parameter-derivations.md#baseline-date.</summary>
    public static readonly DateOnly DefaultDate = new(2023, 7, 1);

    public DateOnly Date { get; init; } = DefaultDate;

    public int HealthReplicates { get; init; } = 10;

    /// <summary>Print the stack trace of an unexpected error (also with SOCIALSECURITY_VERBOSE=1).</summary>
    public bool Verbose { get; init; }

    /// <summary>Print the usage and exit 0.</summary>
    public bool Help { get; init; }

    private static readonly string[] Flags = ["--persons", "--seed", "--date", "--replicates", "--out", "--no-out", "--verbose", "--help", "-h"];

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
                "--persons" => options with { PersonsPerProvince = Integer(flag, Value(PersonsAllowed), MinPersons, MaxPersons, PersonsAllowed) },
                "--replicates" => options with { HealthReplicates = Integer(flag, Value(ReplicatesAllowed), MinReplicates, MaxReplicates, ReplicatesAllowed) },
                "--seed" => options with { Seed = ParseSeed(flag, Value(SeedAllowed)) },
                "--date" => options with { Date = ParseDate(flag, Value(DateAllowed)) },
                "--out" => options with { OutputFolder = Folder(flag, Value(OutAllowed)) },
                "--no-out" => options with { OutputFolder = null },
                "--verbose" => options with { Verbose = true },
                _ => options with { Help = true },
            };
        }

        if (seen.Contains("--out") && seen.Contains("--no-out"))
        {
            throw new UsageException("--out and --no-out are both given; allowed: one of them.");
        }

        return options;
    }

    private const string PersonsAllowed = "a whole number of persons from 10000 to 20000000, digits only";
    private const string ReplicatesAllowed = "a whole number from 2 to 1000, digits only";
    private const string SeedAllowed = "a whole number from 0 to 18446744073709551615, digits only";
    private const string DateAllowed = "a calendar date as yyyy-MM-dd, for example 2023-07-01";
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

    private static DateOnly ParseDate(string flag, string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{flag} '{value}' is not a calendar date; allowed: {DateAllowed}.");

    private static string Folder(string flag, string value) =>
        value.Length > 0 && value.IndexOfAny(Path.GetInvalidPathChars()) < 0
            ? value
            : throw new UsageException($"{flag} '{value}' is not a valid path; allowed: {OutAllowed}.");

    private static bool IsDigits(string value) => value.Length > 0 && value.All(char.IsAsciiDigit);

    public const string Usage = """
        Usage: dotnet run -c Release --project samples/ProvincialComparison -- [options]
          --persons N    sample persons per province (default 200000; 10000 to 20000000)
          --seed S       random seed for the synthetic populations (default 20231; 0 to 18446744073709551615)
          --date D       simulation date, yyyy-MM-dd (default 2023-07-01, the study's fieldwork; from the first day the built-in rules cover)
          --replicates R Monte Carlo replicates of the medical bills (default 10; 2 to 1000)
          --out DIR      folder for results.json, results.csv, health.csv and the PNG charts (default ./report);
                         written to a temporary folder next to it and moved into place at the end
          --no-out       do not write files
          --verbose      print the time of each phase to stderr, and on an unexpected error the stack trace
                         too (or set SOCIALSECURITY_VERBOSE=1)
          --help, -h     print this help and exit
        Exit codes: 0 done, 1 unexpected error, 2 invalid command line.
        """;
}
