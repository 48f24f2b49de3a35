using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Randomness;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// Working lives between two run dates (docs/projection.md#working-lives), every assumption a dated parameter [I]:
/// retirees and workers outside the employee pension past the exit age stop work; other workers' log wage relative to
/// the average follows <c>z' = ρ z + (1 − ρ) m + √(1 − ρ²) s ε</c> (rank persistence ρ, the base workers' mean m and
/// standard deviation s of z, so the dispersion stays the base one), the average growing with nominal wage growth;
/// people reaching the entry age start work with the entry rate, at the entry wage ratio × a log-normal draw of
/// spread s, with a labour contract by the contract share. Other market incomes grow with wages. Every draw comes from
/// a stream keyed by the seed, the person's id, the year and the replicate.
/// </summary>
internal static class WorkingLives
{
    /// <summary>The average wage of the year and the base workers' mean and standard deviation of the log wage relative to the average (NaN without workers).</summary>
    internal sealed record Wages(double Average, double Mean, double Deviation);

    /// <summary>The base population's workers (wages &gt; 0), weighted, with exact sums.</summary>
    public static Wages Measure(Population population)
    {
        var wages = population.WagesAnnual;
        var weight = population.Weight;
        var household = population.PersonHousehold;
        var persons = new ExactAccumulator();
        var total = new ExactAccumulator();
        for (int p = 0; p < wages.Length; p++)
        {
            if (wages[p] > 0)
            {
                persons.Add(weight[household[p]]);
                total.Add(weight[household[p]] * wages[p]);
            }
        }

        double n = persons.Result();
        if (!(n > 0))
        {
            return new Wages(double.NaN, double.NaN, double.NaN);
        }

        double average = total.Result() / n;
        var first = new ExactAccumulator();
        for (int p = 0; p < wages.Length; p++)
        {
            if (wages[p] > 0)
            {
                first.Add(weight[household[p]] * Math.Log(wages[p] / average));
            }
        }

        double mean = first.Result() / n;
        var second = new ExactAccumulator();
        for (int p = 0; p < wages.Length; p++)
        {
            if (wages[p] > 0)
            {
                double d = Math.Log(wages[p] / average) - mean;
                second.Add(weight[household[p]] * d * d);
            }
        }

        return new Wages(average, mean, Math.Sqrt(second.Result() / n));
    }

    /// <summary>
    /// The population at <paramref name="year"/>'s run date after a year of working lives, and the year's average wage.
    /// With <paramref name="inPlace"/> (the population is the projector's own, built by the yearly step and not yet
    /// handed to anyone) its wage, employment, contract and other market income columns are changed in place.
    /// </summary>
    public static (Population Population, Wages Wages) Step(Population population, ParameterStore parameters, int year, int replicate, ProjectionOptions options, Wages last, bool inPlace = false)
    {
        var date = new DateOnly(year, options.RunMonth, 1);
        double Value(string name) => parameters.Resolve(name, date, RegionCodes.China).Scalar();
        double growth = Value(ProjectionParameters.NominalWageGrowth);
        double rho = Value(ProjectionParameters.WageRankPersistence);
        int entryAge = (int)Value(ProjectionParameters.EntryAge);
        double entryRate = Value(ProjectionParameters.EntryRate);
        double contractShare = Value(ProjectionParameters.EntryContractShare);
        double entryRatio = Value(ProjectionParameters.EntryWageRatio);
        int exitAge = (int)Value(ProjectionParameters.ExitAge);
        var now = last with { Average = last.Average * (1 + growth) };

        int n = population.PersonCount;
        // The shared arrays of zeros (ZeroColumns) are never written: copied first, as when not in place.
        T[] Writable<T>(ColumnDefinition column)
        {
            var values = population.Column<T>(column);
            return inPlace && !ZeroColumns.Is(values) ? values : (T[])values.Clone();
        }

        var wages = Writable<double>(PopulationSchema.Wages);
        var employmentBytes = Writable<byte>(PopulationSchema.Employment);
        var contractBytes = Writable<byte>(PopulationSchema.Contract);

        bool pensions = population.ExtraPersonColumns.Contains(ProjectionColumns.Retired.Name);
        var retired = pensions ? population.DoubleColumn(ProjectionColumns.Retired.Name) : null;
        bool members = EmployeePensionNames.Columns.All.All(population.ExtraPersonColumns.Contains);
        var years = members ? population.DoubleColumn(EmployeePensionNames.Columns.ContributionYears) : null;
        var balance = members ? population.DoubleColumn(EmployeePensionNames.Columns.AccountBalance) : null;
        var ids = population.PersonIdColumn;
        var age = population.Column<byte>(PopulationSchema.Age);
        var wageStream = new RandomStream(options.Seed, "projection.wage");
        var entryStream = new RandomStream(options.Seed, "projection.entry");
        var entryWageStream = new RandomStream(options.Seed, "projection.entry_wage");
        var contractStream = new RandomStream(options.Seed, "projection.entry_contract");
        int draw = (year * 64) + replicate;
        double spread = Math.Sqrt(1 - (rho * rho)) * last.Deviation;

        // Each person's change depends on that person alone: blocks of persons run in parallel, with the same result whatever the threads.
        void Block(int from, int to)
        {
            var employment = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, EmploymentStatus>(employmentBytes.AsSpan());
            var contract = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, WorkContract>(contractBytes.AsSpan());
            for (int p = from; p < to; p++)
            {
                bool member = members && (years![p] > 0 || balance![p] > 0);
                if (wages[p] > 0)
                {
                    if ((pensions && retired![p] == 1) || (!member && age[p] >= exitAge))
                    {
                        wages[p] = 0;
                        employment[p] = EmploymentStatus.Retired;
                        contract[p] = WorkContract.None;
                    }
                    else if (double.IsFinite(last.Average))
                    {
                        double z = Math.Log(wages[p] / last.Average);
                        double next = (rho * z) + ((1 - rho) * last.Mean) + (spread * Normal(wageStream, ids[p], draw));
                        wages[p] = now.Average * Math.Exp(next);
                    }
                }
                else if (age[p] == entryAge && employment[p] != EmploymentStatus.Retired && double.IsFinite(last.Average)
                    && entryStream.Uniform(ids[p], draw) < entryRate)
                {
                    double z = Math.Log(entryRatio) + (last.Deviation * Normal(entryWageStream, ids[p], draw));
                    wages[p] = now.Average * Math.Exp(z);
                    employment[p] = EmploymentStatus.Employee;
                    contract[p] = contractStream.Uniform(ids[p], draw) < contractShare ? WorkContract.LabourContract : WorkContract.None;
                }
            }
        }

        PersonBlocks.For(n, options.Simulation, Block);

        var changed = new List<(ColumnDefinition, Array)>
        {
            (PopulationSchema.Wages, wages),
            (PopulationSchema.Employment, employmentBytes),
            (PopulationSchema.Contract, contractBytes),
        };
        foreach (var column in new[] { PopulationSchema.BusinessIncome, PopulationSchema.PropertyIncome, PopulationSchema.PrivateTransfers, PopulationSchema.LabourRemuneration })
        {
            var values = (double[])population.Column(column);
            if (ZeroColumns.Is(values) || values.AsSpan().IndexOfAnyExcept(0.0) < 0)
            {
                continue; // zeros grow to zeros
            }

            values = inPlace ? values : (double[])values.Clone();
            PersonBlocks.For(values.Length, options.Simulation, (from, to) =>
            {
                for (int p = from; p < to; p++)
                {
                    values[p] *= 1 + growth;
                }
            });

            changed.Add((column, values));
        }

        return (ProjectionColumns.WithBuiltIn(population, changed), now);
    }

    /// <summary>A standard normal draw (Box–Muller) from the uniforms 2 × <paramref name="draw"/> and 2 × <paramref name="draw"/> + 1 of the person's stream.</summary>
    private static double Normal(RandomStream stream, long id, int draw)
        => Math.Sqrt(-2 * Math.Log(stream.OpenUniform(id, 2 * draw))) * Math.Cos(2 * Math.PI * stream.Uniform(id, (2 * draw) + 1));
}
