using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Assistance;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// Catastrophic health expenditure per household, from the medical layers of the same run: out-of-pocket spending
/// against capacity to pay and against income.
/// </summary>
/// <remarks>
/// <para>Definitions, per household with income <i>Y</i> (the means-test income, <see cref="InputVariables.IncomeForMeansTests"/>:
/// members' wages and other labour incomes, business, property income, private transfers and reported pensions, yuan per year), <i>n</i> members and out-of-pocket spending OOP (docs/indicators.md):</para>
/// <list type="bullet">
/// <item>capacity to pay = <i>Y</i> − <i>n</i> × subsistence, with subsistence the dibao standard for the household's
/// area and region (using the dibao standard as the subsistence line is [I]; the WHO uses food spending); catastrophic
/// when OOP &gt; 40% of capacity to pay, or OOP &gt; 0 when capacity to pay is ≤ 0;</item>
/// <item>SDG 3.8.2 (here on income rather than consumption): OOP &gt; 10% and &gt; 25% of <i>Y</i>; a household with
/// <i>Y</i> ≤ 0 and OOP &gt; 0 counts.</item>
/// </list>
/// <para>The outputs are indicators, not flows: every role is <see cref="IncomeRole.None"/>, so they never enter the
/// income concepts (the members' out-of-pocket spending already does, through <see cref="MedicalPayoutProgram.OutOfPocket"/>).</para>
/// </remarks>
public sealed class CatastrophicHealthExpenditureProgram : PolicyProgram
{
    /// <summary>Output: the household's out-of-pocket medical spending, yuan per year.</summary>
    public static readonly VariableDefinition HouseholdOutOfPocket = new("health.household_out_of_pocket_annual", Entity.Household, AmountPeriod.Year, IncomeRole.None, "Household out-of-pocket medical spending (sum over members; indicator)");

    /// <summary>Output: public payments on the household's bills (basic, catastrophic, assistance, major-disease subsidy, household cap), yuan per year.</summary>
    public static readonly VariableDefinition HouseholdPublicPayment = new("health.household_public_payment_annual", Entity.Household, AmountPeriod.Year, IncomeRole.None, "Public payments on the household's medical bills (indicator)");

    /// <summary>Output: household income <i>Y</i>, yuan per year.</summary>
    public static readonly VariableDefinition HouseholdIncome = new("health.household_income_annual", Entity.Household, AmountPeriod.Year, IncomeRole.None, "Household income for health-expenditure indicators: the means-test income (market incomes and reported pensions)");

    /// <summary>Output: capacity to pay, <i>Y</i> − <i>n</i> × dibao standard, yuan per year.</summary>
    public static readonly VariableDefinition CapacityToPay = new("health.capacity_to_pay_annual", Entity.Household, AmountPeriod.Year, IncomeRole.None, "Capacity to pay: income minus members × dibao standard");

    /// <summary>Output: 1 when out-of-pocket spending exceeds 40% of capacity to pay (WHO).</summary>
    public static readonly VariableDefinition CatastrophicCapacity40 = new("health.catastrophic_capacity_40", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 when OOP > 40% of capacity to pay (or OOP > 0 with no capacity)");

    /// <summary>Output: 1 when out-of-pocket spending exceeds 10% of income (SDG 3.8.2).</summary>
    public static readonly VariableDefinition CatastrophicIncome10 = new("health.catastrophic_income_10", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 when OOP > 10% of income (or OOP > 0 with no income)");

    /// <summary>Output: 1 when out-of-pocket spending exceeds 25% of income (SDG 3.8.2).</summary>
    public static readonly VariableDefinition CatastrophicIncome25 = new("health.catastrophic_income_25", Entity.Household, AmountPeriod.None, IncomeRole.None, "1 when OOP > 25% of income (or OOP > 0 with no income)");

    private static readonly string[] PublicLayers =
    [
        MedicalPayoutProgram.BasicInsurance.Name, MedicalPayoutProgram.CatastrophicInsurance.Name, MedicalPayoutProgram.MedicalAssistance.Name,
        MedicalPayoutProgram.MajorDiseaseSubsidy.Name, MedicalPayoutProgram.HouseholdCap.Name,
    ];

    /// <inheritdoc />
    public override string Name => "catastrophic_health_expenditure";

    /// <inheritdoc />
    public override string Description => "Catastrophic health expenditure per household: OOP against 40% of capacity to pay (WHO) and 10% / 25% of income (SDG 3.8.2).";

    private readonly string[] _income;
    private readonly bool _incomeIsInput;

    /// <summary>Creates the indicators with income <i>Y</i> the default means-test income (<see cref="InputVariables.IncomeForMeansTests"/>).</summary>
    public CatastrophicHealthExpenditureProgram()
        : this(InputVariables.IncomeForMeansTests)
    {
    }

    /// <summary>
    /// Creates the indicators with income <i>Y</i> the sum of <paramref name="incomeVariables"/>, for example the
    /// means-test income of a policy that simulates pensions rather than reading reported ones
    /// (the health-shock simulation takes the income of its status programs' household-income program).
    /// </summary>
    /// <param name="incomeVariables">Person variables in yuan per month or per year; a variable without a period is rejected when the run is prepared.</param>
    public CatastrophicHealthExpenditureProgram(IEnumerable<string> incomeVariables)
    {
        _income = RuleArguments.Check(incomeVariables, nameof(incomeVariables));
        Inputs = [MedicalPayoutProgram.OutOfPocket.Name, .. PublicLayers, .. _income];
        Outputs = [HouseholdOutOfPocket, HouseholdPublicPayment, HouseholdIncome, CapacityToPay, CatastrophicCapacity40, CatastrophicIncome10, CatastrophicIncome25];
    }

    /// <summary>The indicators reading <see cref="HouseholdIncome"/> as an input, computed by <see cref="IncomeProgram"/>.</summary>
    private CatastrophicHealthExpenditureProgram(string[] incomeVariables, bool incomeIsInput)
    {
        _income = incomeVariables;
        _incomeIsInput = incomeIsInput;
        Inputs = [MedicalPayoutProgram.OutOfPocket.Name, .. PublicLayers, HouseholdIncome.Name];
        Outputs = [HouseholdOutOfPocket, HouseholdPublicPayment, CapacityToPay, CatastrophicCapacity40, CatastrophicIncome10, CatastrophicIncome25];
    }

    /// <summary>
    /// The same indicators as two programs: one summing the household income <i>Y</i> (it does not read the bills),
    /// and one reading it back with the bills. Each writes the values this program writes, bit for bit (the income is
    /// the same sum, member by member in the same order), so a run that repeats the bills (the health-shock replicates)
    /// can compute <i>Y</i> once.
    /// </summary>
    internal PolicyProgram[] SplitIncome()
        => _incomeIsInput ? [this] : [new IncomeProgram(_income), new CatastrophicHealthExpenditureProgram(_income, incomeIsInput: true)];

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [DibaoProgram.StandardUrban, DibaoProgram.StandardRural];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var income = _incomeIsInput ? null : new MeansTestIncome(setup, _income, "Catastrophic-expenditure");
        return new Pass(income, setup.PerYear(DibaoProgram.StandardUrban), setup.PerYear(DibaoProgram.StandardRural));
    }

    /// <summary>The household income <i>Y</i> of the indicators, alone (see <see cref="SplitIncome"/>).</summary>
    private sealed class IncomeProgram(string[] incomeVariables) : PolicyProgram
    {
        public override string Name => "catastrophic_health_expenditure_income";

        public override string Description => "Household income for the catastrophic-expenditure indicators: the means-test income (market incomes and reported pensions).";

        public override IReadOnlyList<string> Inputs { get; } = incomeVariables;

        public override IReadOnlyList<VariableDefinition> Outputs { get; } = [HouseholdIncome];

        public override IReadOnlyList<string> Parameters { get; } = [];

        internal override bool WritesEveryRow => true;

        public override ProgramPass Prepare(ProgramSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            return new IncomePass(new MeansTestIncome(setup, incomeVariables, "Catastrophic-expenditure"));
        }
    }

    private sealed class IncomePass(MeansTestIncome householdIncome) : ProgramPass
    {
        public override void Execute(ProgramContext context)
            => householdIncome.SumInto(context, context.Write(HouseholdIncome.Name)[context.FirstHousehold..context.EndHousehold]);
    }

    /// <summary>The indicators; with no <paramref name="householdIncome"/>, <i>Y</i> is read from <see cref="HouseholdIncome"/> and not written.</summary>
    private sealed class Pass(MeansTestIncome? householdIncome, RegionalValues urban, RegionalValues rural) : ProgramPass
    {
        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var region = population.HouseholdRegion;
            var area = population.Area;
            var oop = context.Read(MedicalPayoutProgram.OutOfPocket.Name);
            var basic = context.Read(PublicLayers[0]);
            var catastrophic = context.Read(PublicLayers[1]);
            var assistance = context.Read(PublicLayers[2]);
            var majorDisease = context.Read(PublicLayers[3]);
            var cap = context.Read(PublicLayers[4]);
            var rented = householdIncome?.Rent(context);
            var incomes = rented is null ? context.Read(HouseholdIncome.Name)[context.FirstHousehold..] : rented;
            var oopOut = context.Write(HouseholdOutOfPocket.Name);
            var publicOut = context.Write(HouseholdPublicPayment.Name);
            Span<double> incomeOut = rented is null ? [] : context.Write(HouseholdIncome.Name);
            var capacityOut = context.Write(CapacityToPay.Name);
            var che40 = context.Write(CatastrophicCapacity40.Name);
            var che10 = context.Write(CatastrophicIncome10.Name);
            var che25 = context.Write(CatastrophicIncome25.Name);
            Span<double> payments = stackalloc double[16];
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                // Member sums independent of the members' order.
                int size = start[h + 1] - start[h];
                if (payments.Length < size)
                {
                    payments = new double[size];
                }

                for (int m = 0; m < size; m++)
                {
                    int p = start[h] + m;
                    payments[m] = basic[p] + catastrophic[p] + assistance[p] + majorDisease[p] + cap[p];
                }

                double income = incomes[h - context.FirstHousehold];
                double spent = ColumnMath.MemberSum(oop.Slice(start[h], size));
                double paid = ColumnMath.MemberSum(payments[..size]);

                double standard = area[h] == AreaType.Urban ? urban[region[h]] : rural[region[h]];
                double capacity = income - ((start[h + 1] - start[h]) * standard);
                oopOut[h] = spent;
                publicOut[h] = paid;
                if (rented is not null)
                {
                    incomeOut[h] = income;
                }
                capacityOut[h] = capacity;
                bool any = spent > 0;
                che40[h] = any && (capacity <= 0 || spent > 0.4 * capacity) ? 1 : 0;
                che10[h] = any && (income <= 0 || spent > 0.1 * income) ? 1 : 0;
                che25[h] = any && (income <= 0 || spent > 0.25 * income) ? 1 : 0;
            }

            if (rented is not null)
            {
                MeansTestIncome.Return(rented);
            }
        }
    }
}
