using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// The starting point and economic assumptions of the employee pension fund in a projection, each with its tag and
/// source: the published national reserve, scaled to the projected population by its share of the national
/// population; the yearly return on the reserve; the fiscal subsidy as a share of expenditure. docs/projection.md#fund.
/// </summary>
/// <param name="NationalReserve">The national reserve, yuan, at the end of <paramref name="ReserveYear"/>.</param>
/// <param name="ReserveYear">The year the reserve was published for.</param>
/// <param name="NationalPopulation">The national population the reserve is scaled by (persons).</param>
/// <param name="ReturnRate">Return on the reserve by year (fraction).</param>
/// <param name="SubsidyShare">Fiscal subsidy as a share of the year's expenditure, by year.</param>
/// <param name="Tag">Provenance tag of the reserve and population (P N L D U I).</param>
/// <param name="Source">Their sources.</param>
public sealed record PensionFundAssumptions(double NationalReserve, int ReserveYear, double NationalPopulation, DatedSeries ReturnRate, DatedSeries SubsidyShare, string Tag, string Source)
{
    private static readonly Lazy<PensionFundAssumptions> BuiltIn = new(LoadChina);

    /// <summary>
    /// China: the enterprise employee fund's balance of "nearly 6 trillion" yuan at the end of 2023 [U], scaled by the
    /// WPP 2025 population [L]; return 2.5% a year [I] and a fiscal subsidy of 17.7% of expenditure [I: the 2023 central
    /// subsidy of 1.0 trillion over the 2021 expenditure of 5.65 trillion], both illustrative.
    /// </summary>
    public static PensionFundAssumptions China => BuiltIn.Value;

    /// <summary>The reserve a projection starts from: the national reserve scaled by the projected population's weighted persons over the national population.</summary>
    /// <param name="weightedPersons">The base population's weighted persons (for a partitioned projection, of all partitions together).</param>
    /// <returns>Yuan.</returns>
    public double StartingReserve(double weightedPersons) => NationalReserve * weightedPersons / NationalPopulation;

    /// <summary>The fund's revenue in <paramref name="year"/>: employee and employer pension contributions plus the fiscal subsidy, a share of expenditure.</summary>
    /// <param name="year">The year.</param>
    /// <param name="employeeContributions">Employee pension contributions, yuan per year.</param>
    /// <param name="employerContributions">Employer pension contributions, yuan per year.</param>
    /// <param name="expenditure">Employee pensions paid, yuan per year.</param>
    /// <returns>Yuan per year.</returns>
    public double Revenue(int year, double employeeContributions, double employerContributions, double expenditure)
        => employeeContributions + employerContributions + (SubsidyShare.At(year) * expenditure);

    /// <summary>The reserve at the end of <paramref name="year"/>: <c>reserve × (1 + return) + revenue − expenditure</c>.</summary>
    /// <param name="reserve">The reserve of the year before.</param>
    /// <param name="year">The year.</param>
    /// <param name="revenue">The year's revenue (<see cref="Revenue"/>).</param>
    /// <param name="expenditure">The year's expenditure.</param>
    /// <returns>Yuan.</returns>
    public double NextReserve(double reserve, int year, double revenue, double expenditure)
        => (reserve * (1 + ReturnRate.At(year))) + revenue - expenditure;

    internal void Validate(int first, int last)
    {
        AssumptionSource.Check("pension fund's starting reserve", Tag, Source);
        if (!double.IsFinite(NationalReserve) || !(NationalPopulation > 0))
        {
            throw new ArgumentException("The pension fund's starting reserve must be finite and its national population positive.");
        }

        ReturnRate.Validate("fund return", -1, 1);
        SubsidyShare.Validate("fund subsidy share", 0, 10);
        ReturnRate.CheckCovers("fund return", first, last);
        SubsidyShare.CheckCovers("fund subsidy share", first, last);
    }

    private static PensionFundAssumptions LoadChina()
    {
        const string File = "demography/cn-wpp2024.json";
        using var doc = Json.Parse(EmbeddedData.Read(File), File);
        var root = doc.RootElement;
        var balance = root.GetProperty("pension_fund").EnumerateArray().First(e => e.GetProperty("key").GetString() == "cn.enterprise_pension.balance_2023");
        var population = root.GetProperty("base_population").EnumerateArray().ToArray();
        double persons = population.Sum(e => e.GetProperty("values").EnumerateArray().Sum(v => v.GetDouble())) * 1000;
        int[] years = [.. Enumerable.Range(2000, 101)];
        var returns = new DatedSeries(years, [.. years.Select(_ => 0.025)], "I", "Illustrative return on the employee pension fund's reserve, 2.5% a year (docs/projection.md#fund)");
        var subsidy = new DatedSeries(years, [.. years.Select(_ => 1.0 / 5.65)], "I", "Illustrative fiscal subsidy share: the 2023 central subsidy (1.0 trillion yuan, scio.gov.cn) over the 2021 employee fund expenditure (5.65 trillion yuan) (docs/projection.md#fund)");
        return new PensionFundAssumptions(balance.GetProperty("value").GetDouble() * 1e12, balance.GetProperty("year").GetInt32(), persons, returns, subsidy,
            "U", $"{balance.GetProperty("source").GetString()} (balance); {population[0].GetProperty("source").GetString()} (WPP 2024 population 2025)");
    }
}
