using System.Globalization;
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
public sealed class GrasslandCompensationProgram : PolicyProgram
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

    /// <summary>Output: the grassland compensation, yuan per year (household).</summary>
    public static readonly VariableDefinition Amount = new("grassland_compensation.amount_annual", Entity.Household, AmountPeriod.Year, IncomeRole.DirectTransfer, "Grassland ecological compensation (ban and balance per mu, plus per household), yuan per year");

    /// <inheritdoc />
    public override string Name => "grassland_compensation";

    /// <inheritdoc />
    public override string Description => "Grassland ecological compensation for herders: per-mu grazing-ban subsidy and balance reward plus a per-household amount (national policy from 2011).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; } = [BanAreaColumn, BalanceAreaColumn];

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Amount];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [BanRate, BalanceRate, HouseholdSubsidy];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(this, setup);
    }

    private sealed class Pass(GrasslandCompensationProgram program, ProgramSetup setup) : ProgramPass
    {
        private readonly RegionalValues _ban = setup.PerYear(BanRate);
        private readonly RegionalValues _balance = setup.PerYear(BalanceRate);
        private readonly RegionalValues _household = setup.PerYear(HouseholdSubsidy);

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var banArea = context.Read(BanAreaColumn);
            var balanceArea = context.Read(BalanceAreaColumn);
            var amount = context.Write(Amount.Name);
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                if (!(banArea[h] >= 0) || !(balanceArea[h] >= 0))
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Household {population.HouseholdId[h]} has grassland areas {banArea[h]} (ban) and {balanceArea[h]} (balance) mu; areas must be ≥ 0."));
                }

                var region = population.HouseholdRegion[h];
                int r = region.Index;
                bool herder = banArea[h] > 0 || balanceArea[h] > 0;
                amount[h] = (banArea[h] * _ban.ByRegion[r]) + (balanceArea[h] * _balance.ByRegion[r]) + (herder ? _household.ByRegion[r] : 0.0);
                if (context.Explanation is { } explain)
                {
                    explain.Record(program.Name, string.Create(CultureInfo.InvariantCulture, $"{banArea[h]:0.##} mu × {_ban[region]:0.##} + {balanceArea[h]:0.##} mu × {_balance[region]:0.##} + {(herder ? _household[region] : 0):0.##} per household"), amount[h], "yuan/year", _ban.Source(region), _balance.Source(region), _household.Source(region));
                }
            }
        }
    }
}
