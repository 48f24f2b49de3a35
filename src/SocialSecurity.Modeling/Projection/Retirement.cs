using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Programs.Pensions.Rules;
using SocialSecurity.Modeling.Randomness;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// Retirement from the urban employee pension in a projection (docs/projection.md#retirement). Each year, before the
/// static run: pensions in payment rise by the year's indexation rate; every member not yet retired whose retirement
/// month (the statutory age of <see cref="RetirementAgeProgram"/>, shifted by the voluntary behaviour) is at or before
/// the run date retires, with the pension of <see cref="EmployeePensionTerms.Pension"/> on the run date when the
/// contribution years reach the minimum of the retirement year, else none. Members are people with employee-pension
/// contribution years or an account balance.
/// </summary>
internal static class Retirement
{
    private const string EmployeePensionName = "pension.employee";

    /// <summary>The new retirees of a year (weighted) and the mean replacement rate of those with a pension and a final wage.</summary>
    internal readonly record struct Awards(double NewRetirees, double ReplacementRate);

    /// <summary>Whether the projector pays employee pensions: the policy has the employee pension and the population its columns.</summary>
    public static bool Applies(Policy policy, Population population)
        => policy.Programs.Any(p => p.Name == EmployeePensionName) && EmployeePensionNames.Columns.All.All(population.ExtraPersonColumns.Contains);

    /// <summary>The policy each year runs: the employee pension program is replaced by the pensions in payment (<see cref="ProjectionColumns.EmployeePensionPaid"/>).</summary>
    public static Policy YearPolicy(Policy policy) => Policy.Create(policy.Programs.Where(p => p.Name != EmployeePensionName));

    /// <summary>The base population with the retirement columns: nobody retired yet, final wage = current wages.</summary>
    public static Population Prepare(Population population)
    {
        int n = population.PersonCount;
        return ProjectionColumns.With(population, [(ProjectionColumns.Retired, new double[n]), (ProjectionColumns.InPayment, new double[n]), (ProjectionColumns.AccountPart, new double[n]), (ProjectionColumns.LastWage, population.WagesAnnual.ToArray())]);
    }

    /// <summary>
    /// The population of a year as the static run reads it: the pensions in payment under the employee pension's output
    /// name, and the retired flag under the contributions rule's name (<see cref="SocialInsuranceContributionsProgram.Retired"/>),
    /// so that members contribute until they retire at their statutory age, not only until the fixed pension age.
    /// </summary>
    public static Population ForRun(Population population)
        => ProjectionColumns.With(population, [
            (ProjectionColumns.EmployeePensionPaid, population.ExtraPersonColumn(ProjectionColumns.InPayment.Name).ToArray()),
            (SocialInsuranceContributionsProgram.Retired, population.ExtraPersonColumn(ProjectionColumns.Retired.Name).ToArray())]);

    /// <summary>
    /// Indexes pensions in payment (after the first year) and retires the members who reach their retirement month by
    /// the run date. The statutory ages' run takes its output arrays from <paramref name="outputArrays"/> when given
    /// (the projector's, recycled from year to year; its result is read only here).
    /// </summary>
    public static (Population Population, Awards Awards) Step(Population population, ParameterStore parameters, int year, bool first, ProjectionOptions options, RetirementAssumptions behaviour, Projector.OutputArrays? outputArrays, CancellationToken cancellationToken)
    {
        var date = new DateOnly(year, options.RunMonth, 1);
        int now = RetirementAgeProgram.MonthIndex(year, options.RunMonth);
        var agePolicy = Policy.Create(new RetirementAgeProgram());
        // A context of its own (each year's population is new): its run checks the catalogue and prepares the passes as Microsimulation.Run would.
        var ages = new SimulationContext(population, agePolicy, options.Simulation) { OutputArrays = outputArrays is null ? null : outputArrays.Rent }
            .Run(parameters, date, progress: null, stage: "projection.retirement", cancellationToken);
        var statutory = ages.Values(RetirementAgeProgram.StatutoryAgeMonths.Name);
        var minimum = ages.Values(RetirementAgeProgram.MinimumYears.Name);

        int n = population.PersonCount;
        var ids = population.PersonId;
        var sex = population.Sex;
        var household = population.PersonHousehold;
        var region = population.HouseholdRegion;
        var weight = population.Weight;
        var birthYear = population.ExtraPersonColumn(RetirementAgeProgram.Columns.BirthYear);
        var birthMonth = population.ExtraPersonColumn(RetirementAgeProgram.Columns.BirthMonth);
        var category = population.ExtraPersonColumn(RetirementAgeProgram.Columns.FemaleCategory);
        var years = population.ExtraPersonColumn(EmployeePensionNames.Columns.ContributionYears);
        var index = population.ExtraPersonColumn(EmployeePensionNames.Columns.ContributionIndex);
        var balance = population.ExtraPersonColumn(EmployeePensionNames.Columns.AccountBalance);
        var lastWage = population.ExtraPersonColumn(ProjectionColumns.LastWage.Name);
        var retired = population.ExtraPersonColumn(ProjectionColumns.Retired.Name).ToArray();
        var paid = population.ExtraPersonColumn(ProjectionColumns.InPayment.Name).ToArray();
        var accountPart = population.ExtraPersonColumn(ProjectionColumns.AccountPart.Name).ToArray();
        var retirementAge = population.ExtraPersonColumn(EmployeePensionNames.Columns.RetirementAge).ToArray();

        // Parameters resolved once per region (and group or year) when first needed, then read by region index.
        int regions = population.Regions.Count;
        var terms = new EmployeePensionTerms?[regions];
        var indexation = new double?[regions];
        var originalMonths = new int?[3 * regions];
        var minimumByYear = new Dictionary<(int Year, RegionId Region), double?>();
        double? MinimumYears(int retirementYear, RegionId r)
        {
            if (!minimumByYear.TryGetValue((retirementYear, r), out var value))
            {
                minimumByYear[(retirementYear, r)] = value = parameters.TryResolve(EmployeePensionNames.Parameters.MinimumYears, new DateOnly(retirementYear, 1, 1), r)?.Scalar();
            }

            return value;
        }

        var choice = new RandomStream(options.Seed, "projection.retirement_choice");
        var count = new ExactAccumulator();
        var rateWeights = new ExactAccumulator();
        var rates = new ExactAccumulator();
        for (int p = 0; p < n; p++)
        {
            var r = region[household[p]];
            if (retired[p] == 1)
            {
                if (!first)
                {
                    double u = indexation[r.Index] ??= parameters.Resolve(ProjectionParameters.IndexationRate, date, r).Scalar();
                    paid[p] *= 1 + u;
                }

                continue;
            }

            if (years[p] <= 0 && balance[p] <= 0)
            {
                continue; // not a member of the employee pension
            }

            int born = RetirementAgeProgram.MonthIndex((int)birthYear[p], (int)birthMonth[p]);
            int age = (int)statutory[p];
            double draw = choice.Uniform(ids[p]);
            if (draw < behaviour.EarlyShare)
            {
                int group = sex[p] == Sex.Male ? 0 : category[p] == 55 ? 1 : 2;
                int original = originalMonths[(3 * r.Index) + group] ??= 12 * (int)parameters.Resolve(OriginalAgeParameter(sex[p], category[p]), date, r).Scalar();
                age = Math.Max(Math.Min(age, original), age - behaviour.EarlyMonths);
            }
            else if (draw < behaviour.EarlyShare + behaviour.DeferShare)
            {
                age += behaviour.DeferMonths;
            }

            int month = born + age;
            if (month > now)
            {
                continue;
            }

            var t = terms[r.Index] ??= EmployeePensionTerms.Resolve(parameters, date, r);

            retired[p] = 1;
            if (!(first && retirementAge[p] > 0))
            {
                retirementAge[p] = Math.Clamp(age / 12, t.Divisors.FirstAge, t.Divisors.LastAge);
            }

            double required = age == (int)statutory[p] ? minimum[p] : MinimumYears(month / 12, r) ?? minimum[p];
            var award = years[p] >= required
                ? EmployeePensionFormulas.Pension(t.BenefitBase, index[p], years[p], balance[p], (int)retirementAge[p], t.Divisors, t.AccrualRate)
                : default;
            double pension = award.Total.Value;
            paid[p] = pension;
            accountPart[p] = award.AccountPension.Value;
            if (month > now - 12)
            {
                double w = weight[household[p]];
                count.Add(w);
                if (pension > 0 && lastWage[p] > 0)
                {
                    rateWeights.Add(w);
                    rates.Add(w * 12 * pension / lastWage[p]);
                }
            }
        }

        double weightOfRates = rateWeights.Result();
        var next = ProjectionColumns.With(population, [(ProjectionColumns.Retired, retired), (ProjectionColumns.InPayment, paid), (ProjectionColumns.AccountPart, accountPart), (EmployeePensionNames.ColumnDefinitions.RetirementAge, retirementAge)]);
        return (next, new Awards(count.Result(), weightOfRates > 0 ? rates.Result() / weightOfRates : double.NaN));
    }

    private static string OriginalAgeParameter(Sex sex, double category) => sex == Sex.Male ? RetirementAgeProgram.ParameterNames.OriginalMale
        : category == 55 ? RetirementAgeProgram.ParameterNames.OriginalFemaleCadre : RetirementAgeProgram.ParameterNames.OriginalFemaleWorker;
}
