using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Projection;

/// <summary>How a projection runs: its years, the demographic assumptions and which processes are on, replicates and seed. docs/projection.md.</summary>
public sealed record ProjectionOptions
{
    /// <summary>
    /// The core demographic model (docs/projection.md#core-model), as LIAM2's demo model: ageing, deaths by age and
    /// sex, births by age, wages growing with rank persistence and entry into work, and work stopping at the fixed exit
    /// age; household change off and the projector's retirement off (pensions are left to the policy). Run it with a
    /// policy of contributions only (<c>social_insurance</c>), which credits the employee-pension accounts, so the
    /// static package is off. The yearly Gini and relative poverty rate, which the core model does not need, are off
    /// (<see cref="Inequality"/>, NaN in its table). 2025–2060, one replicate.
    /// </summary>
    public static ProjectionOptions CoreModel => new() { Households = false, Retirement = null, WorkingLives = true, Inequality = false };

    /// <summary>The first year: the base population is the population at its run date.</summary>
    public int StartYear { get; init; } = 2025;

    /// <summary>The last year projected (inclusive); not before <see cref="StartYear"/>.</summary>
    public int EndYear { get; init; } = 2060;

    /// <summary>The month (1–12) of each year's run date, the 1st of which the static rules are evaluated on and ages are counted to. Default 7 (1 July).</summary>
    public int RunMonth { get; init; } = 7;

    /// <summary>The demographic assumptions; <see cref="DemographicAssumptions.China"/> by default.</summary>
    public DemographicAssumptions Demography { get; init; } = DemographicAssumptions.China;

    /// <summary>Whether deaths are drawn (ageing always happens; nobody lives past 120).</summary>
    public bool Mortality { get; init; } = true;

    /// <summary>Whether births are drawn.</summary>
    public bool Fertility { get; init; } = true;

    /// <summary>Monte Carlo replicates (1–60): independent demographic draws of the same projection.</summary>
    public int Replicates { get; init; } = 1;

    /// <summary>The seed of every random stream.</summary>
    public ulong Seed { get; init; } = 2024;

    /// <summary>Options of each year's static run (threads, block size).</summary>
    public SimulationOptions Simulation { get; init; } = SimulationOptions.Default;

    /// <summary>
    /// Voluntary retirement behaviour when the projector retires people (docs/projection.md#retirement): when the policy
    /// has the employee pension and the population its columns, members retire at the statutory age (shifted by this
    /// behaviour) and are paid their pension in payment, indexed yearly. <see langword="null"/> leaves the employee
    /// pension to the static rule every year (as if every pensioner had just retired). Default <see cref="RetirementAssumptions.Statutory"/>.
    /// </summary>
    public RetirementAssumptions? Retirement { get; init; } = RetirementAssumptions.Statutory;

    /// <summary>The rules for parameters past their last dated value (docs/projection.md#extrapolation); parameters without a rule are held. Default <see cref="ExtrapolationRule.Default"/>.</summary>
    public IReadOnlyList<ExtrapolationRule> Extrapolation { get; init; } = ExtrapolationRule.Default;

    /// <summary>
    /// Whether working lives change between years (docs/projection.md#working-lives): wages grow with rank persistence,
    /// young people enter work, retirees and older workers outside the employee pension leave it, other market incomes
    /// grow with wages. Default true.
    /// </summary>
    public bool WorkingLives { get; init; } = true;

    /// <summary>
    /// Whether households change between years (docs/projection.md#households): widowhood, young adults leaving home,
    /// couples forming by matching. Empty households dissolve in any case. Default true.
    /// </summary>
    public bool Households { get; init; } = true;

    /// <summary>Totals that deaths and births are aligned to by sort-by-risk (docs/projection.md#alignment); null for independent draws. Default null.</summary>
    public AlignmentTargets? Alignment { get; init; }

    /// <summary>
    /// Net migration (docs/projection.md#migration): net migrants by sex and age each year, emigrants leaving by a
    /// seeded draw per person, immigrants arriving as new households. Null (the default) for no migration;
    /// <see cref="MigrationAssumptions.IllustrativeChina"/> is an illustrative path [I].
    /// </summary>
    public MigrationAssumptions? Migration { get; init; }

    /// <summary>
    /// Whether a newborn's id is derived from the mother's id and the year (negative ids,
    /// <c>PopulationDynamics.NewbornId</c>) instead of following the population's largest id. Every draw is keyed by
    /// person id, so with this option a projection of part of the population (a partition holding whole households)
    /// draws for its persons and their children exactly what the projection of the whole population draws: the
    /// partitioned projections of the distributed package set it (docs/distributed.md#projections). Default false.
    /// </summary>
    public bool NewbornIdsFromMothers { get; init; }

    /// <summary>
    /// The cohort whose lifetime redistribution is accumulated (docs/projection.md#lifetime), reported in
    /// <see cref="ProjectionResult.Lifetime"/>; null (the default) for none.
    /// </summary>
    public LifetimeCohort? LifetimeCohort { get; init; }

    /// <summary>
    /// Whether each year's Gini and relative poverty rate of disposable income per capita are computed (each year's
    /// per-capita incomes sorted once); NaN in the table when false. Default true; <see cref="CoreModel"/> turns it off.
    /// </summary>
    public bool Inequality { get; init; } = true;

    /// <summary>Called with each year's static result (population, outputs) after it is summarised: per-person panels are written from here rather than held.</summary>
    public Action<ProjectionYear>? OnYear { get; init; }
}
