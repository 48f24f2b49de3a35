using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Randomness;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// Contribution histories of the synthetic persons, summarised as the columns the pension rules read (the employee
/// pension's contribution years, average contribution index, account balance and retirement age; the resident pension's
/// tier, contribution years, account balance and assistance flags), so that pensions are <b>simulated</b> by the
/// programs rather than reported. Every rule here is an assumption, tagged [I] (illustrative) or [D] (derived from a
/// published figure by the formula given); see docs/baseline.md#contribution-histories.
/// </summary>
/// <remarks>
/// <para><b>Scheme membership.</b> Retirees (the activity <see cref="EmploymentStatus.Retired"/>) and workers with a
/// contract that pays employee-pension contributions (<see cref="WorkContract"/> other than none, the social-insurance
/// rule's contributors) are in the employee scheme; every other person aged 16–59 who is not a student contributes to
/// the resident scheme with probability <see cref="ResidentParticipation"/> [I], and every person aged 60+ outside the
/// employee scheme draws the resident pension [I: universal coverage of the old without an employee pension].</para>
/// <para><b>Employee careers.</b> Work starts at <see cref="CareerStartAge"/> plus a gap of 0–<see cref="MaxCareerGap"/>
/// years [I]; years count to the retirement age (the statutory age by sex, or the person's age for an early retiree).
/// The average wage of year t is <see cref="WageToUrbanIncome"/> × the urban mean disposable income of the target year,
/// deflated by <see cref="WageGrowth"/> a year [D]. The individual account (from 1996, 国发〔1997〕26号) is credited
/// <see cref="AccountRate"/> of the indexed wage each year and earns <see cref="AccountCrediting"/> [D], so a balance is
/// Ī × 8% × W(R) × Σₖ q^k with q = (1 + crediting)/(1 + wage growth). A retiree's index is chosen so that the rules'
/// pension is about <see cref="SyntheticAssumptions.RetireePensionToPerCapitaIncome"/> × the household's target
/// per-capita income (the income model's first guess) within the rules' limits: index 0.6–3.0, at least 15 years [I].
/// A worker's index rises with the household's income score, exp(<see cref="WorkerIndexSlope"/> × z) in 0.6–3.0, and a
/// flexible worker's is 0.6 (the floor base of the social-insurance rule) [I]. A worker at or past the statutory age
/// retires at the next birthday (the retirement-age column), so the rules pay no pension this year.</para>
/// <para><b>Resident histories.</b> Contributors choose the lowest tier (<see cref="ResidentTier"/>, 100 yuan, the
/// national lowest [N]; the rule snaps it to the region's lowest) [I], have contributed every year since the scheme
/// started (<see cref="ResidentSchemeStart"/>, 2009 [N]) or since 16, and their accounts hold the tier plus the 30-yuan
/// subsidy floor of the lowest tier [N] a year, credited at 3% [I]. A resident pensioner contributed every year from the
/// scheme start (or 16) to 60 (none when already 60 at the start), which meets the transitional rule. The dibao and
/// destitute flags (government-paid contributions) are 0.</para>
/// </remarks>
internal static class PensionHistoryModel
{
    /// <summary>Age work starts, years [I].</summary>
    public const int CareerStartAge = 20;

    /// <summary>Longest gap in an employee career, years (uniform 0 to this) [I].</summary>
    public const int MaxCareerGap = 8;

    /// <summary>
    /// The average wage (the contribution and benefit base) as a multiple of the urban mean per-capita disposable income
    /// [D]: national average wage of urban non-private units 2022, 114,029 yuan, ÷ urban per-capita disposable income 2022,
    /// 49,283 yuan (NBS) = 2.31.
    /// </summary>
    public const double WageToUrbanIncome = 2.31;

    /// <summary>Nominal average-wage growth a year, used to date wages back [D]: average wage of urban units 1995 5,348 → 2022 114,029 yuan (NBS), 12%; rounded down to 10% for the slower recent years.</summary>
    public const double WageGrowth = 0.10;

    /// <summary>Crediting rate of employee accounts a year [D]: the announced rates 2016–2022 average 7.2% (pension.employee.account_interest_rate), the bank deposit rates credited before about 3%; 5% over a career.</summary>
    public const double AccountCrediting = 0.05;

    /// <summary>Share of the indexed wage credited to the employee account [N]: 8% (国发〔2005〕38号; 11% before 2006, not distinguished).</summary>
    public const double AccountRate = 0.08;

    /// <summary>First year of individual accounts [N]: 1996 (国发〔1997〕26号 unified the accounts from 1996–1997).</summary>
    public const int AccountStartYear = 1996;

    /// <summary>Slope of a contract worker's contribution index on the household income score [I].</summary>
    public const double WorkerIndexSlope = 0.4;

    /// <summary>Probability that a person aged 16–59 outside the employee scheme, not a student, contributes to the resident pension [I] (about 27% of residents contribute nationally, 2021: (54,797 − 16,213) ÷ 141,260).</summary>
    public const double ResidentParticipation = 0.8;

    /// <summary>The tier resident contributors choose, yuan a year [I]: the national lowest, 100 (国发〔2014〕8号) [N].</summary>
    public const double ResidentTier = 100;

    /// <summary>Government subsidy on the lowest tier, yuan a year [N]: the national floor of 30 (国发〔2014〕8号).</summary>
    public const double ResidentSubsidy = 30;

    /// <summary>Crediting rate of resident accounts [I] (pension.resident.account_interest_rate).</summary>
    public const double ResidentCrediting = 0.03;

    /// <summary>Year the resident scheme started [N] (国发〔2009〕32号).</summary>
    public const int ResidentSchemeStart = 2009;

    /// <summary>Fills the history columns of every person.</summary>
    public static PensionHistoryColumns Assign(SyntheticDraft draft, IncomeChainColumns chain, double[] targetPerCapita, double urbanMeanIncome, int year, ulong seed)
    {
        int persons = draft.PersonCount;
        var c = new PensionHistoryColumns(persons);
        var gapStream = new RandomStream(seed, "synthetic.career_gap");
        var residentStream = new RandomStream(seed, "synthetic.resident_pension_participation");
        double wageNow = WageToUrbanIncome * urbanMeanIncome;
        double monthlyBase = wageNow / (1 + WageGrowth) / 12; // W_prev: the previous year's average wage, monthly
        double q = (1 + AccountCrediting) / (1 + WageGrowth);
        for (int h = 0; h < draft.HouseholdCount; h++)
        {
            double score = draft.IncomeRank[h];
            for (int i = draft.MemberStart[h]; i < draft.MemberStart[h + 1]; i++)
            {
                long id = i + 1;
                int age = draft.Age[i];
                int statutory = draft.Sex[i] == Sex.Male ? 60 : 50;
                var employment = draft.Employment[i];
                var contract = chain.Contract[i];
                int gap = (int)(gapStream.Uniform(id) * (MaxCareerGap + 1));
                if (employment == EmploymentStatus.Retired)
                {
                    int retiredAt = Math.Max(40, Math.Min(age, statutory));
                    c.EmployeeRetirementAge[i] = retiredAt == statutory ? 0 : retiredAt;
                    int retirementYear = year - (age - retiredAt);
                    double wageAtRetirement = wageNow * Math.Pow(1 + WageGrowth, retirementYear - year);
                    double divisor = 139 + ((60 - retiredAt) * 5.6); // about the divisor table (国发〔2005〕38号) [N], a first guess only
                    double years = Math.Clamp(retiredAt - CareerStartAge - gap, 15, 45);
                    double monthly = SyntheticAssumptions.RetireePensionToPerCapitaIncome * targetPerCapita[h] / 12;
                    double accountPerIndex = AccountPerIndex(years, retirementYear, wageAtRetirement, q);
                    double basicPerIndex = monthlyBase * years / 200;
                    double index = (monthly - basicPerIndex) / (basicPerIndex + (accountPerIndex / divisor));
                    if (index < 0.6)
                    {
                        index = 0.6;
                        years = Math.Clamp((monthly - (0.6 * accountPerIndex / divisor)) / (monthlyBase * 1.6 / 200), 15, years);
                        accountPerIndex = AccountPerIndex(years, retirementYear, wageAtRetirement, q);
                    }

                    index = Math.Min(index, 3.0);
                    c.EmployeeYears[i] = years;
                    c.EmployeeIndex[i] = index;
                    c.EmployeeBalance[i] = index * accountPerIndex;
                }
                else if (contract != WorkContract.None)
                {
                    double years = Math.Max(0, age - CareerStartAge - gap);
                    double index = contract == WorkContract.LabourContract ? Math.Clamp(Math.Exp(WorkerIndexSlope * score), 0.6, 3.0) : 0.6;
                    c.EmployeeYears[i] = years;
                    c.EmployeeIndex[i] = index;
                    c.EmployeeBalance[i] = index * AccountPerIndex(years, year, wageNow, q);
                    if (age >= statutory)
                    {
                        c.EmployeeRetirementAge[i] = age < 70 ? age + 1 : 0;
                        if (age >= 70)
                        {
                            c.EmployeeYears[i] = 0; // past every divisor age: kept out of the pension this year
                        }
                    }
                }
                else if (age >= 60)
                {
                    int ageAtStart = age - (year - ResidentSchemeStart);
                    int years = ageAtStart >= 60 ? 0 : 60 - Math.Max(16, ageAtStart);
                    c.ResidentYears[i] = years;
                    c.ResidentBalance[i] = ResidentBalance(years);
                }
                else if (age >= 16 && employment != EmploymentStatus.Student && residentStream.Uniform(id) < ResidentParticipation)
                {
                    int years = Math.Max(0, Math.Min(age - 16, year - ResidentSchemeStart));
                    c.ResidentTier[i] = ResidentTier;
                    c.ResidentYears[i] = years;
                    c.ResidentBalance[i] = ResidentBalance(years);
                }
            }
        }

        return c;
    }

    /// <summary>The pension statuses of every person of a population that carries the history columns, or <see langword="null"/> when it does not.</summary>
    /// <returns>Per person: 1 when drawing the employee pension, contributing to it, or drawing the resident pension.</returns>
    public static PensionStatuses? Statuses(Population population)
    {
        if (!population.TryGetDefinition(SyntheticPensionColumns.EmployeeYears.Name, out _) || !population.TryGetDefinition(SyntheticPensionColumns.ResidentYears.Name, out _))
        {
            return null;
        }

        var years = population.Values(SyntheticPensionColumns.EmployeeYears);
        var retirement = population.Values(SyntheticPensionColumns.EmployeeRetirementAge);
        var age = population.Age;
        var sex = population.Sex;
        var contract = population.Contract;
        int persons = population.PersonCount;
        var pensioner = new double[persons];
        var contributor = new double[persons];
        var resident = new double[persons];
        for (int i = 0; i < persons; i++)
        {
            int pensionAge = retirement[i] > 0 ? (int)retirement[i] : sex[i] == Sex.Male ? 60 : 50;
            bool employee = years[i] >= 15 && age[i] >= pensionAge;
            pensioner[i] = employee ? 1 : 0;
            contributor[i] = !employee && contract[i] != WorkContract.None ? 1 : 0;
            resident[i] = !employee && contract[i] == WorkContract.None && age[i] >= 60 ? 1 : 0; // as generated: every such person meets the transitional rule
        }

        return new PensionStatuses(pensioner, contributor, resident);
    }

    /// <summary>Account balance per unit of the contribution index at the end of <paramref name="endYear"/> − 1: Σₖ 8% × W(endYear − k) × (1 + crediting)^k over the years since 1996.</summary>
    private static double AccountPerIndex(double years, int endYear, double wageAtEnd, double q)
    {
        int accountYears = (int)Math.Max(0, Math.Min(years, endYear - AccountStartYear));
        double sum = 0, factor = 1;
        for (int k = 1; k <= accountYears; k++)
        {
            factor *= q;
            sum += factor;
        }

        return AccountRate * wageAtEnd * sum;
    }

    private static double ResidentBalance(int years)
        => years == 0 ? 0 : (ResidentTier + ResidentSubsidy) * (Math.Pow(1 + ResidentCrediting, years) - 1) / ResidentCrediting;
}

/// <summary>Per person, 1 when the person draws the employee pension, contributes to it, or draws the resident pension (else 0).</summary>
internal sealed record PensionStatuses(double[] EmployeePensioner, double[] EmployeeContributor, double[] ResidentPensioner)
{
    /// <summary>The status a pension target counts.</summary>
    public double[] For(string target) => target switch
    {
        "employee_pension_retiree_share" => EmployeePensioner,
        "employee_pension_contributor_share" => EmployeeContributor,
        "resident_pension_beneficiary_share" => ResidentPensioner,
        _ => throw new InvalidOperationException($"Unknown pension target '{target}'."),
    };
}

/// <summary>The contribution-history columns of a synthetic population (one value per person).</summary>
internal sealed class PensionHistoryColumns(int persons)
{
    public double[] EmployeeYears { get; } = new double[persons];

    public double[] EmployeeIndex { get; } = new double[persons];

    public double[] EmployeeBalance { get; } = new double[persons];

    public double[] EmployeeRetirementAge { get; } = new double[persons];

    public double[] ResidentTier { get; } = new double[persons];

    public double[] ResidentYears { get; } = new double[persons];

    public double[] ResidentBalance { get; } = new double[persons];

    public double[] DibaoRecipient { get; } = new double[persons];

    public double[] Destitute { get; } = new double[persons];
}
