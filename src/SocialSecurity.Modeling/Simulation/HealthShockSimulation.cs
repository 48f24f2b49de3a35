using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Regions;

using SocialSecurity.Modeling.Randomness;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Programs.Assistance;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// Monte Carlo health shocks: each replicate draws every person's annual medical spending from a
/// <see cref="HealthSpendingModel"/>, runs the medical layers in force where the household lives
/// (<see cref="MedicalPayoutSchedule"/> and the household cap), and measures catastrophic health expenditure.
/// </summary>
/// <remarks>
/// <para>Definitions, per household with income <i>Y</i> (members' wages, business, property income, private transfers
/// and reported pensions, yuan per year), <i>n</i> members and out-of-pocket spending OOP:</para>
/// <list type="bullet">
/// <item>capacity to pay = <i>Y</i> − <i>n</i> × subsistence, with subsistence the dibao standard for the household's
/// area and region (using the dibao standard as the subsistence line is [I]; the WHO uses food spending); catastrophic
/// when OOP &gt; 40% of capacity to pay, or OOP &gt; 0 when capacity to pay is ≤ 0;</item>
/// <item>SDG 3.8.2 (here on income rather than consumption): OOP &gt; 10% and &gt; 25% of <i>Y</i>; a household with
/// <i>Y</i> ≤ 0 and OOP &gt; 0 counts.</item>
/// </list>
/// <para>Assistance group and Huiminbao enrolment are read from the population's extra person columns
/// <see cref="MedicalPayoutProgram.AssistanceGroupColumn"/> and <see cref="MedicalPayoutProgram.InclusiveCommercialEnrolledColumn"/>
/// when present; otherwise nobody is in a group or enrolled. Draws come from <see cref="PersonRandomStream"/>, so each
/// person's spending depends only on (seed, stream name, person id, replicate): results are identical whatever the
/// thread count, and the same across row orders up to the order of floating-point sums.</para>
/// </remarks>
public sealed class HealthShockSimulation
{
    private readonly HealthSpendingModel _model;
    private readonly ParameterStore _parameters;

    /// <summary>A simulation with a spending model and the parameters of the medical layers.</summary>
    /// <param name="model">The spending model.</param>
    /// <param name="parameters">The parameter store (baseline or reformed).</param>
    public HealthShockSimulation(HealthSpendingModel model, ParameterStore parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        _model = model;
        _parameters = parameters;
    }

    /// <summary>Runs the replicates over <paramref name="population"/> with the rules in force on <paramref name="date"/>.</summary>
    /// <param name="population">The population (weights, ages, sexes, hukou, incomes; optional assistance columns).</param>
    /// <param name="date">The date the rules are evaluated at.</param>
    /// <param name="options">Seed, replicates and partitioning; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the run between blocks.</param>
    /// <exception cref="ParameterNotFoundException">A medical or dibao parameter has no value where households live.</exception>
    public HealthShockResult Run(Population population, DateOnly date, HealthShockOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(population);
        options ??= new HealthShockOptions();
        if (population.HouseholdCount == 0)
        {
            throw new ArgumentException("The population has no households.", nameof(population));
        }

        var present = new HashSet<RegionId>();
        foreach (var r in population.HouseholdRegion)
        {
            present.Add(r);
        }

        var setup = new ProgramSetup(new MedicalPayoutProgram(), date, _parameters, population, [.. present]);
        var (schedules, caps, _) = MedicalPayoutProgram.Resolve(setup);
        var urban = new double[_parameters.Regions.Count];
        var rural = new double[_parameters.Regions.Count];
        foreach (var r in present)
        {
            urban[r.Index] = _parameters.Resolve(DibaoProgram.StandardUrban, date, r).PerYear();
            rural[r.Index] = _parameters.Resolve(DibaoProgram.StandardRural, date, r).PerYear();
        }

        var context = new RunContext(population, _model, schedules, caps, urban, rural, new RandomStream(options.Seed, options.StreamName), options.Replicates);
        int households = population.HouseholdCount;
        int blocks = (households + options.BlockSize - 1) / options.BlockSize;

        // sums[block][replicate * Measures + k]: summed per block, then added in block order so that the thread count never matters.
        var sums = new double[blocks][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, blocks, parallel, block =>
        {
            int first = block * options.BlockSize;
            sums[block] = context.Block(first, Math.Min(households, first + options.BlockSize));
        });

        var total = new double[options.Replicates * RunContext.Measures];
        foreach (var block in sums)
        {
            for (int i = 0; i < total.Length; i++)
            {
                total[i] += block[i];
            }
        }

        ReplicateEstimate Estimate(int k)
        {
            var values = new double[options.Replicates];
            for (int r = 0; r < values.Length; r++)
            {
                values[r] = total[(r * RunContext.Measures) + k] / total[(r * RunContext.Measures) + RunContext.Weight];
            }

            return new ReplicateEstimate(values, options.ConfidenceLevel);
        }

        return new HealthShockResult(options, Estimate(RunContext.Capacity40), Estimate(RunContext.Income10), Estimate(RunContext.Income25), Estimate(RunContext.OutOfPocket), Estimate(RunContext.PublicPaid));
    }

    private sealed class RunContext(
        Population population, HealthSpendingModel model, MedicalPayoutSchedule?[] schedules, HouseholdBurdenCapTerms[] caps,
        double[] urbanStandard, double[] ruralStandard, RandomStream streams, int replicates)
    {
        public const int Weight = 0;
        public const int Capacity40 = 1;
        public const int Income10 = 2;
        public const int Income25 = 3;
        public const int OutOfPocket = 4;
        public const int PublicPaid = 5;
        public const int Measures = 6;
        private const int StackMembers = 16;

        private readonly double[]? _groups = population.ExtraPersonColumns.Contains(MedicalPayoutProgram.AssistanceGroupColumn)
            ? population.ExtraPersonColumn(MedicalPayoutProgram.AssistanceGroupColumn).ToArray() : null;

        private readonly double[]? _enrolled = population.ExtraPersonColumns.Contains(MedicalPayoutProgram.InclusiveCommercialEnrolledColumn)
            ? population.ExtraPersonColumn(MedicalPayoutProgram.InclusiveCommercialEnrolledColumn).ToArray() : null;

        public double[] Block(int first, int end)
        {
            var sums = new double[replicates * Measures];
            var start = population.MemberStart;
            var weight = population.Weight;
            var region = population.HouseholdRegion;
            var area = population.Area;
            var ids = population.PersonId;
            var age = population.Age;
            var sex = population.Sex;
            var hukou = population.Hukou;
            Span<MedicalPayout> stack = stackalloc MedicalPayout[StackMembers];
            for (int h = first; h < end; h++)
            {
                int m0 = start[h], n = start[h + 1] - m0;
                var schedule = schedules[region[h].Index] ?? throw new InvalidOperationException($"No medical schedule was resolved for region index {region[h].Index}.");
                var capTerms = caps[region[h].Index];
                double income = 0;
                decimal? cap = null;
                for (int p = m0; p < m0 + n; p++)
                {
                    income += population.WagesAnnual[p] + population.BusinessIncomeAnnual[p] + population.PropertyIncomeAnnual[p] + population.PrivateTransfersAnnual[p] + population.PensionIncomeAnnual[p];
                    cap = HouseholdBurdenCapTerms.Lower(cap, capTerms.CapFor(Group(p)));
                }

                double standard = area[h] == AreaType.Urban ? urbanStandard[region[h].Index] : ruralStandard[region[h].Index];
                double capacity = income - (n * standard);
                var members = n <= StackMembers ? stack[..n] : new MedicalPayout[n];
                for (int r = 0; r < replicates; r++)
                {
                    for (int i = 0; i < n; i++)
                    {
                        int p = m0 + i;
                        var stream = streams.Sequence(ids[p], r);
                        var claim = model.Draw(ref stream, age[p], sex[p], hukou[p]);
                        members[i] = claim.Total == 0m ? default : schedule.Compute(claim, Group(p), _enrolled is not null && _enrolled[p] != 0);
                    }

                    HouseholdBurdenCapTerms.Apply(members, cap);
                    decimal oopExact = 0m, publicExact = 0m;
                    foreach (ref readonly var m in members)
                    {
                        oopExact += m.OutOfPocket;
                        publicExact += m.PublicPaid;
                    }

                    double oop = (double)oopExact;
                    double w = weight[h];
                    int o = r * Measures;
                    sums[o + Weight] += w;
                    sums[o + OutOfPocket] += w * oop;
                    sums[o + PublicPaid] += w * (double)publicExact;
                    if (oop > 0)
                    {
                        sums[o + Capacity40] += capacity <= 0 || oop > 0.4 * capacity ? w : 0;
                        sums[o + Income10] += income <= 0 || oop > 0.1 * income ? w : 0;
                        sums[o + Income25] += income <= 0 || oop > 0.25 * income ? w : 0;
                    }
                }
            }

            return sums;
        }

        private AssistanceGroup Group(int person)
        {
            if (_groups is null)
            {
                return AssistanceGroup.None;
            }

            double g = _groups[person];
            return g is >= 0 and <= 4 && g == Math.Floor(g)
                ? (AssistanceGroup)(byte)g
                : throw new InvalidOperationException($"Column '{MedicalPayoutProgram.AssistanceGroupColumn}' holds {g} for person row {person}; expected a group code 0–4.");
        }
    }
}
