using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// Statutory retirement age (法定退休年龄) under the 2024 reform, by sex, original category and birth month, and the
/// minimum employee-pension contribution years of the person's retirement year. docs/rules/retirement_age.md.
/// </summary>
/// <remarks>
/// <para>Legal basis: NPC Standing Committee decision of 2024-09-13 on gradually raising the statutory retirement age
/// (in force 2025-01-01; the measures' art. 1 and 2); original ages 国发〔1978〕104号.</para>
/// <para>Rule, per person with birth year-month <c>b</c> and original age <c>A</c> (men 60; women in the 55 category
/// 55; other women 50): the month the original age is reached is <c>m = b + 12A</c>. When the reform is in force on
/// the run date and <c>m</c> is at or after January of the reform's start year <c>s</c>, the delay is
/// <c>min(max, ⌊(m − s) / step⌋ + 1)</c> months (step 4 for men and the 55 category, 2 for the 50 category; max 36,
/// 36, 60), else 0. Statutory age = <c>12A + delay</c> months; the person retires in month <c>b + age</c>. The minimum
/// contribution years are the employee pension's in force on 1 January of that year (before the parameter's first
/// dated value, its first value).</para>
/// <para>Inputs: <see cref="Columns"/> (birth year, birth month, women's original category) and the built-in age and
/// sex; the age must agree with the birth year-month on the run date (completed years, the day of birth unknown).</para>
/// </remarks>
public sealed class RetirementAgeProgram()
    : RuleProgram(
        "retirement_age",
        "Statutory retirement age under the 2024 reform (men 60 → 63, women 55 → 58 and 50 → 55 by birth month) and the minimum employee-pension contribution years of the retirement year.",
        inputs: Columns.All,
        outputs: [StatutoryAgeMonths, RetirementMonth, MinimumYears, Reached],
        parameters: ParameterNames.All)
{
    /// <summary>Output: the statutory retirement age in months (60 years 1 month = 721).</summary>
    public static readonly VariableDefinition StatutoryAgeMonths = new("retirement_age.statutory_age_months", Entity.Person, AmountPeriod.None, IncomeRole.None, "Statutory retirement age, months (12 × years + months)");

    /// <summary>Output: the month the person reaches the statutory age, as year × 100 + month (202502 for February 2025).</summary>
    public static readonly VariableDefinition RetirementMonth = new("retirement_age.retirement_month", Entity.Person, AmountPeriod.None, IncomeRole.None, "Month the statutory retirement age is reached, year × 100 + month");

    /// <summary>Output: the minimum employee-pension contribution years in force on 1 January of the retirement year.</summary>
    public static readonly VariableDefinition MinimumYears = new("retirement_age.minimum_contribution_years", Entity.Person, AmountPeriod.None, IncomeRole.None, "Minimum employee-pension contribution years of the retirement year");

    /// <summary>Output: 1 when the run date's month is at or after the retirement month, else 0.</summary>
    public static readonly VariableDefinition Reached = new("retirement_age.reached", Entity.Person, AmountPeriod.None, IncomeRole.None, "1 when the statutory retirement age is reached by the run date's month");

    /// <inheritdoc />
    public override IReadOnlyList<ColumnDefinition> InputColumns { get; } = [.. ColumnDefinitions.All];

    /// <summary>The parameter names of the rule (file <c>Data/parameters/cn/retirement_age.json</c>).</summary>
    public static class ParameterNames
    {
        /// <summary>Original statutory age of men, years.</summary>
        public const string OriginalMale = "retirement_age.original.male";

        /// <summary>Original statutory age of women in the 55 category (cadres), years.</summary>
        public const string OriginalFemaleCadre = "retirement_age.original.female_cadre";

        /// <summary>Original statutory age of women in the 50 category (workers), years.</summary>
        public const string OriginalFemaleWorker = "retirement_age.original.female_worker";

        /// <summary>Largest delay of men, months (0 before the reform).</summary>
        public const string MaxDelayMale = "retirement_age.max_delay_months.male";

        /// <summary>Largest delay of women in the 55 category, months (0 before the reform).</summary>
        public const string MaxDelayFemaleCadre = "retirement_age.max_delay_months.female_cadre";

        /// <summary>Largest delay of women in the 50 category, months (0 before the reform).</summary>
        public const string MaxDelayFemaleWorker = "retirement_age.max_delay_months.female_worker";

        /// <summary>Months of birth date per month of delay, men.</summary>
        public const string StepMale = "retirement_age.birth_months_per_step.male";

        /// <summary>Months of birth date per month of delay, women in the 55 category.</summary>
        public const string StepFemaleCadre = "retirement_age.birth_months_per_step.female_cadre";

        /// <summary>Months of birth date per month of delay, women in the 50 category.</summary>
        public const string StepFemaleWorker = "retirement_age.birth_months_per_step.female_worker";

        /// <summary>The calendar year in whose January the reform starts (people reaching their original age from then on are delayed).</summary>
        public const string ReformStartYear = "retirement_age.reform_start_year";

        /// <summary>Every parameter the rule declares, including the employee pension's minimum contribution years.</summary>
        public static IReadOnlyList<string> All { get; } =
        [
            OriginalMale, OriginalFemaleCadre, OriginalFemaleWorker, MaxDelayMale, MaxDelayFemaleCadre, MaxDelayFemaleWorker,
            StepMale, StepFemaleCadre, StepFemaleWorker, ReformStartYear, EmployeePensionNames.Parameters.MinimumYears,
        ];
    }

    /// <summary>The extra person columns the rule reads.</summary>
    public static class Columns
    {
        /// <summary>Calendar year of birth.</summary>
        public const string BirthYear = "person.birth_year";

        /// <summary>Month of birth, 1–12.</summary>
        public const string BirthMonth = "person.birth_month";

        /// <summary>A woman's original retirement category: 55 (cadre), 50 (worker) or 0 (the default, 50); ignored for men.</summary>
        public const string FemaleCategory = "person.female_retirement_category";

        /// <summary>Every column, in the order of <see cref="ColumnDefinitions.All"/>.</summary>
        public static IReadOnlyList<string> All { get; } = [BirthYear, BirthMonth, FemaleCategory];
    }

    /// <summary>The declarations of <see cref="Columns"/>, checked when a population is built with them.</summary>
    public static class ColumnDefinitions
    {
        /// <summary>Year of birth, 1850–2200.</summary>
        public static readonly ColumnDefinition BirthYear = ColumnDefinition.Count(Columns.BirthYear, Entity.Person, "year", 1850, 2200, "Calendar year of birth");

        /// <summary>Month of birth, 1–12.</summary>
        public static readonly ColumnDefinition BirthMonth = ColumnDefinition.Count(Columns.BirthMonth, Entity.Person, "month", 1, 12, "Month of birth (1–12)");

        /// <summary>A woman's original retirement category, 0, 50 or 55 (checked when the rule is prepared).</summary>
        public static readonly ColumnDefinition FemaleCategory = ColumnDefinition.Count(Columns.FemaleCategory, Entity.Person, "years", 0, 55, "A woman's original retirement age: 55 (cadre), 50 (worker), 0 = 50");

        /// <summary>Every declaration.</summary>
        public static IReadOnlyList<ColumnDefinition> All { get; } = [BirthYear, BirthMonth, FemaleCategory];
    }

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
    {
        var terms = new Terms?[setup.Regions.Count];
        foreach (var region in setup.RegionsPresent)
        {
            terms[region.Index] = Terms.Resolve(setup, region);
        }

        Check(setup.Population, setup.Date);
        return PerPerson<Rule, Rule.Block>(new Rule(terms, MonthIndex(setup.Date.Year, setup.Date.Month)));
    }

    /// <summary>Month index of a year and month (1–12): 12 × year + month − 1.</summary>
    internal static int MonthIndex(int year, int month) => (12 * year) + month - 1;

    private static void Check(Population population, DateOnly date)
    {
        var year = population.Values(ColumnDefinitions.BirthYear);
        var month = population.Values(ColumnDefinitions.BirthMonth);
        var category = population.Values(ColumnDefinitions.FemaleCategory);
        var age = population.Age;
        var ids = population.PersonId;
        int now = MonthIndex(date.Year, date.Month);
        for (int p = 0; p < year.Length; p++)
        {
            if (category[p] is not (0 or 50 or 55))
            {
                throw new ArgumentException(StepText.Create($"Person {ids[p]}: '{Columns.FemaleCategory}' is {category[p]}; expected 0 (default, 50), 50 or 55."));
            }

            int months = now - MonthIndex((int)year[p], (int)month[p]);
            int completed = (int)Math.Floor(months / 12.0), dayUnknown = (int)Math.Floor((months - 1) / 12.0);
            if (months < 0 || (age[p] != completed && age[p] != dayUnknown))
            {
                throw new ArgumentException(StepText.Create($"Person {ids[p]}: born {year[p]:0}-{month[p]:00}, so aged {completed} on {date:yyyy-MM-dd}, but '{PopulationSchema.Age.Name}' is {age[p]}."));
            }
        }
    }

    /// <summary>The rule's parameters in one region; the minimum years by calendar year.</summary>
    internal sealed class Terms
    {
        private readonly ResolvedParameter[] _original = new ResolvedParameter[3];
        private readonly ResolvedParameter[] _maxDelay = new ResolvedParameter[3];
        private readonly ResolvedParameter?[] _step = new ResolvedParameter?[3];
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, ResolvedParameter> _minimum = new();
        private IParameterSource _source = null!;
        private RegionId _region;
        private DateOnly _firstMinimum;

        public ResolvedParameter? Start { get; private set; }

        public double Original(int group) => _original[group].Scalar();

        public double MaxDelay(int group) => _maxDelay[group].Scalar();

        public double Step(int group) => _step[group]!.Scalar();

        public ResolvedParameter OriginalSource(int group) => _original[group];

        public ResolvedParameter MaxDelaySource(int group) => _maxDelay[group];

        public ResolvedParameter? StepSource(int group) => _step[group];

        /// <summary>The minimum contribution years in force on 1 January of <paramref name="year"/> (the first value before the series starts).</summary>
        /// <remarks>Read for every person from every thread: a lock-free lookup (a year resolved twice at once resolves alike).</remarks>
        public ResolvedParameter Minimum(int year)
            => _minimum.TryGetValue(year, out var value) ? value : _minimum.GetOrAdd(year, y =>
            {
                var date = new DateOnly(y, 1, 1);
                return _source.Resolve(EmployeePensionNames.Parameters.MinimumYears, date < _firstMinimum ? _firstMinimum : date, _region);
            });

        public static Terms Resolve(ProgramSetup setup, RegionId region)
        {
            var t = new Terms { _source = setup.Parameters, _region = region };
            string[] original = [ParameterNames.OriginalMale, ParameterNames.OriginalFemaleCadre, ParameterNames.OriginalFemaleWorker];
            string[] maxDelay = [ParameterNames.MaxDelayMale, ParameterNames.MaxDelayFemaleCadre, ParameterNames.MaxDelayFemaleWorker];
            string[] step = [ParameterNames.StepMale, ParameterNames.StepFemaleCadre, ParameterNames.StepFemaleWorker];
            bool reform = false;
            for (int g = 0; g < 3; g++)
            {
                t._original[g] = setup.Resolve(original[g], region);
                t._maxDelay[g] = setup.Resolve(maxDelay[g], region);
                reform |= t._maxDelay[g].Scalar() > 0;
            }

            // The pace and the start exist only from the reform on; they are read only when a delay is in force.
            if (reform)
            {
                for (int g = 0; g < 3; g++)
                {
                    t._step[g] = setup.Resolve(step[g], region);
                }

                t.Start = setup.Resolve(ParameterNames.ReformStartYear, region);
            }

            var entries = setup.Parameters.Definition(EmployeePensionNames.Parameters.MinimumYears).Entries;
            t._firstMinimum = entries.Length == 0 ? DateOnly.MinValue : entries.Min(e => e.From);
            _ = setup.Resolve(EmployeePensionNames.Parameters.MinimumYears, region); // declared and in force on the run date
            return t;
        }
    }

    private readonly struct Rule(Terms?[] terms, int now) : IPersonRule<Rule.Block>
    {
        private static readonly string[] GroupNames = ["man", "woman, original age 55", "woman, original age 50"];

        public Block Bind(ProgramContext context) => new(context);

        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int i = person.Index;
            var t = terms[person.Region.Index]!;
            int group = block.Sex[i] == Sex.Male ? 0 : block.Category[i] == 55 ? 1 : 2;
            int birth = MonthIndex((int)block.BirthYear[i], (int)block.BirthMonth[i]);
            int original = (int)Math.Round(12 * t.Original(group));
            int reachOriginal = birth + original;
            double maxDelay = t.MaxDelay(group);
            int delay = 0;
            int offset = 0;
            if (maxDelay > 0)
            {
                offset = reachOriginal - MonthIndex((int)t.Start!.Scalar(), 1);
                if (offset >= 0)
                {
                    delay = (int)Math.Min(Math.Floor(maxDelay), Math.Floor(offset / t.Step(group)) + 1);
                }
            }

            int ageMonths = original + delay;
            int retirement = birth + ageMonths;
            int year = retirement / 12, month = (retirement % 12) + 1;
            var minimum = t.Minimum(year);
            block.Age[i] = ageMonths;
            block.Month[i] = (year * 100) + month;
            block.Minimum[i] = minimum.Scalar();
            block.Reached[i] = now >= retirement ? 1 : 0;

            if (explanation is null)
            {
                return;
            }

            const string Program = "retirement_age";
            string who = StepText.Create($"member {person.Member} ({GroupNames[group]}, born {block.BirthYear[i]:0}-{block.BirthMonth[i]:00})");
            if (maxDelay <= 0)
            {
                explanation.Record(Program, StepText.Create($"{who}: no delay in force → original age {original / 12} years"), ageMonths, "months", t.OriginalSource(group), t.MaxDelaySource(group));
            }
            else if (offset < 0)
            {
                explanation.Record(Program, StepText.Create($"{who}: reaches the original age {original / 12} before the reform starts → no delay"), ageMonths, "months", t.OriginalSource(group), t.Start!);
            }
            else
            {
                explanation.Record(Program, StepText.Create($"{who}: {offset} months after the reform start → delay min({maxDelay:0}, ⌊{offset} / {t.Step(group):0.##}⌋ + 1) = {delay} months → {ageMonths / 12} years {ageMonths % 12} months"), ageMonths, "months", t.OriginalSource(group), t.MaxDelaySource(group), t.StepSource(group)!, t.Start!);
            }

            explanation.Record(Program, StepText.Create($"retires {year}-{month:00}; minimum contribution years then"), minimum.Scalar(), "years", minimum);
        }

        public readonly ref struct Block(ProgramContext context)
        {
            public readonly ReadOnlySpan<Sex> Sex = context.Population.Sex;
            public readonly ReadOnlySpan<double> BirthYear = context.Person(ColumnDefinitions.BirthYear);
            public readonly ReadOnlySpan<double> BirthMonth = context.Person(ColumnDefinitions.BirthMonth);
            public readonly ReadOnlySpan<double> Category = context.Person(ColumnDefinitions.FemaleCategory);
            public readonly Span<double> Age = context.Write(StatutoryAgeMonths.Name);
            public readonly Span<double> Month = context.Write(RetirementMonth.Name);
            public readonly Span<double> Minimum = context.Write(MinimumYears.Name);
            public readonly Span<double> Reached = context.Write(RetirementAgeProgram.Reached.Name);
        }
    }
}
