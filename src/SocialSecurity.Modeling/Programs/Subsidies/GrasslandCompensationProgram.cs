using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Subsidies;

/// <summary>
/// Grassland ecological protection subsidies and rewards for herders (草原生态保护补助奖励): a subsidy per mu of
/// grassland under a grazing ban, a reward per mu kept in forage–livestock balance, and a flat amount per herding
/// household.
/// </summary>
/// <remarks>
/// <para>Basis: the national grassland policy (Xinhua 2010-10-13 and 2011-08-15) [N], rates for 2011–15: grazing ban
/// 6 yuan/mu/year, forage–livestock balance 1.5 yuan/mu/year, 500 yuan per herding household per year; later rates
/// 7.5 and 2.5 yuan/mu [U] (docs/rules/grassland_compensation.md). The forage-seed subsidy (10 yuan/mu) is not modelled.</para>
/// <para>Rule, per household, with the contracted areas in mu from the household columns <see cref="BanAreaColumn"/>
/// and <see cref="BalanceAreaColumn"/>: amount = ban area × <c>grassland.ban_rate</c> + balance area ×
/// <c>grassland.balance_rate</c> + (<c>grassland.household_subsidy</c> when either area is above 0), yuan/year.
/// Negative areas are data errors and stop the run.</para>
/// <para>Worked example 21: 3,000 mu banned and 2,000 mu balanced → 18,000 + 3,000 + 500 = 21,500/year.</para>
/// </remarks>
public sealed class GrasslandCompensationProgram()
    : RuleProgram(
        "grassland_compensation",
        "Grassland ecological compensation for herders: per-mu grazing-ban subsidy and balance reward plus a per-household amount (national policy from 2011).",
        inputs: [BanAreaColumn, BalanceAreaColumn],
        outputs: [Amount],
        parameters: [BanRate, BalanceRate, HouseholdSubsidy])
{
    /// <summary>Parameter: the grazing-ban subsidy per mu.</summary>
    public const string BanRate = "grassland.ban_rate";

    /// <summary>Parameter: the forage–livestock balance reward per mu.</summary>
    public const string BalanceRate = "grassland.balance_rate";

    /// <summary>Parameter: the flat amount per herding household.</summary>
    public const string HouseholdSubsidy = "grassland.household_subsidy";

    /// <summary>Input: household column, contracted grassland under a grazing ban, mu.</summary>
    public const string BanAreaColumn = "household.grassland_ban_mu";

    /// <summary>Input: household column, contracted grassland under forage–livestock balance, mu.</summary>
    public const string BalanceAreaColumn = "household.grassland_balance_mu";

    /// <summary>The declaration of <see cref="BanAreaColumn"/>: mu, finite and ≥ 0.</summary>
    public static readonly ColumnDefinition BanArea = ColumnDefinition.Quantity(BanAreaColumn, Entity.Household, "mu", 0, double.PositiveInfinity, "Contracted grassland under a grazing ban");

    /// <summary>The declaration of <see cref="BalanceAreaColumn"/>: mu, finite and ≥ 0.</summary>
    public static readonly ColumnDefinition BalanceArea = ColumnDefinition.Quantity(BalanceAreaColumn, Entity.Household, "mu", 0, double.PositiveInfinity, "Contracted grassland under forage–livestock balance");

    /// <summary>Output: the grassland compensation, yuan per year (household).</summary>
    public static readonly VariableDefinition Amount = new("grassland_compensation.amount_annual", Entity.Household, AmountPeriod.Year, IncomeRole.DirectTransfer, "Grassland ecological compensation (ban and balance per mu, plus per household), yuan per year");

    /// <inheritdoc />
    public override IReadOnlyList<ColumnDefinition> InputColumns { get; } = [BanArea, BalanceArea];

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => PerHousehold<Rule, Rule.Block>(new Rule(setup.PerYear(BanRate), setup.PerYear(BalanceRate), setup.PerYear(HouseholdSubsidy)));

    private readonly struct Rule(RegionalValues ban, RegionalValues balance, RegionalValues perHousehold) : IHouseholdRule<Rule.Block>
    {
        public Block Bind(ProgramContext context)
            => new(context.Population.HouseholdId, context.Household(BanArea), context.Household(BalanceArea), context.Write(Amount.Name));

        public void Compute(ref Block block, in HouseholdRow household, Explanation? explanation)
        {
            int h = household.Index, r = household.Region.Index;
            double banArea = block.BanArea[h], balanceArea = block.BalanceArea[h]; // validated when the population was built
            bool herder = banArea > 0 || balanceArea > 0;
            block.Amount[h] = (banArea * ban.ByRegion[r]) + (balanceArea * balance.ByRegion[r]) + (herder ? perHousehold.ByRegion[r] : 0.0);
            explanation?.Record("grassland_compensation", StepText.Create($"{banArea:0.##} mu × {ban[household.Region]:0.##} + {balanceArea:0.##} mu × {balance[household.Region]:0.##} + {(herder ? perHousehold[household.Region] : 0):0.##} per household"), block.Amount[h], "yuan/year", ban.Source(household.Region), balance.Source(household.Region), perHousehold.Source(household.Region));
        }

        public readonly ref struct Block(ReadOnlySpan<long> ids, ReadOnlySpan<double> banArea, ReadOnlySpan<double> balanceArea, Span<double> amount)
        {
            public readonly ReadOnlySpan<long> Ids = ids;
            public readonly ReadOnlySpan<double> BanArea = banArea;
            public readonly ReadOnlySpan<double> BalanceArea = balanceArea;
            public readonly Span<double> Amount = amount;
        }
    }
}
