using System.Runtime.CompilerServices;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Assistance;

namespace SocialSecurity.Modeling.Programs.Insurance;

/// <summary>
/// The resident basic medical insurance premium (城乡居民医保个人缴费) and the part medical assistance pays for
/// destitute persons and dibao recipients (医疗救助资助参保). docs/rules/medical.resident_premium.md.
/// </summary>
/// <remarks>
/// <para>Legal basis: the yearly NHSA notices on resident medical insurance (individual premium 380 yuan in 2023, 400
/// in 2024 and 2025 [L]); 国办发〔2021〕42号 (assistance pays the whole premium of destitute persons and a fixed part
/// for dibao recipients, set locally). Rule, per person enrolled in resident medical insurance — <c>person.medical_scheme</c>
/// <see cref="MedicalScheme.Resident"/>, or <see cref="MedicalScheme.ByContract"/> without a labour contract, at any age,
/// children included: assistance = premium × (the destitute share when the person's destitute flag is 1, else the
/// dibao share when the dibao flag (by default the roll, <c>dibao.on_roll</c>; household or person flag) is 1, else 0); the person pays premium − assistance.
/// Others pay nothing here.</para>
/// <para>Outputs, yuan per year: what the person pays (a non-pension contribution, subtracted in disposable income;
/// revenue of the medical insurance fund) and what assistance pays for them (neither household income nor a net
/// public flow: one public body pays another).</para>
/// </remarks>
public sealed class ResidentMedicalPremiumProgram : RuleProgram
{
    /// <summary>Parameter: the individual premium, yuan per year.</summary>
    public const string IndividualContribution = "medical.resident.individual_contribution";

    /// <summary>Parameter: the part of the premium assistance pays for destitute persons.</summary>
    public const string DestituteShare = "medical.premium_subsidy.destitute_share";

    /// <summary>Parameter: the part of the premium assistance pays for members of dibao households.</summary>
    public const string DibaoShare = "medical.premium_subsidy.dibao_share";

    /// <summary>Output: the premium the person pays after assistance, yuan per year.</summary>
    public static readonly VariableDefinition Premium = new("medical.resident_premium_annual", Entity.Person, AmountPeriod.Year, IncomeRole.OtherContribution, "Resident medical insurance premium paid by the person (after medical assistance), yuan per year", FiscalFlow.PublicRevenue);

    /// <summary>Output: the part of the premium medical assistance pays, yuan per year.</summary>
    public static readonly VariableDefinition Assistance = new("medical.resident_premium_assistance_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Part of the resident medical insurance premium paid by medical assistance, yuan per year", FiscalFlow.None);

    /// <summary>Creates the premium with the destitute flag <c>destitute.eligible</c> and the dibao roll <c>dibao.on_roll</c>.</summary>
    public ResidentMedicalPremiumProgram()
        : this(DestitutePersonsProgram.Eligible.Name, DibaoProgram.OnRoll.Name)
    {
    }

    /// <summary>Creates the premium with other status flags (for example dibao eligibility instead of the roll).</summary>
    /// <param name="destituteVariable">A person or household flag of destitute persons, or <see langword="null"/> when the policy
    /// identifies none (no destitute-support program, whose inputs need extra columns): then only the dibao share is paid.</param>
    /// <param name="dibaoVariable">A person or household flag of dibao recipients.</param>
    public ResidentMedicalPremiumProgram(string? destituteVariable, string dibaoVariable)
        : base(
            "medical.resident_premium",
            "Resident medical insurance premium: the individual premium (400 yuan in 2024-2025), paid in full by medical assistance for destitute persons and in part for dibao recipients (国办发〔2021〕42号).",
            inputs: destituteVariable is null ? RuleArguments.Check([dibaoVariable], nameof(dibaoVariable)) : RuleArguments.Check([destituteVariable, dibaoVariable], nameof(destituteVariable)),
            outputs: [Premium, Assistance],
            parameters: [IndividualContribution, DestituteShare, DibaoShare],
            pays: ["resident_medical_premium"])
    {
        DestituteVariable = destituteVariable;
        DibaoVariable = dibaoVariable;
    }

    /// <summary>The flag of destitute persons read, or <see langword="null"/> when none is.</summary>
    public string? DestituteVariable { get; }

    /// <summary>The flag of dibao recipients read.</summary>
    public string DibaoVariable { get; }

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
        => PerPerson<Rule, Rule.Block>(new Rule(
            DestituteVariable, DestituteVariable is not null && setup.Variable(DestituteVariable).Entity == Entity.Household,
            DibaoVariable, setup.Variable(DibaoVariable).Entity == Entity.Household,
            setup.PerYear(IndividualContribution), setup.Scalar(DestituteShare), setup.Scalar(DibaoShare)));

    private readonly struct Rule(string? destitute, bool destituteByHousehold, string dibao, bool dibaoByHousehold, RegionalValues premium, RegionalValues destituteShare, RegionalValues dibaoShare) : IPersonRule<Rule.Block>
    {
        public Block Bind(ProgramContext context) => new(context, destitute, dibao);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int p = person.Index, r = person.Region.Index;
            var scheme = block.Scheme[p];
            bool enrolled = scheme == MedicalScheme.Resident || (scheme == MedicalScheme.ByContract && block.Contract[p] != WorkContract.LabourContract);
            bool isDestitute = destitute is not null && block.Destitute[destituteByHousehold ? person.Household : p] == 1;
            bool isDibao = block.Dibao[dibaoByHousehold ? person.Household : p] == 1;
            double full = enrolled ? premium.ByRegion[r] : 0;
            double share = isDestitute ? destituteShare.ByRegion[r] : isDibao ? dibaoShare.ByRegion[r] : 0;
            double assisted = share * full;
            block.Assistance[p] = assisted;
            block.Premium[p] = full - assisted;
            if (explanation is not null)
            {
                Explain(ref block, person, explanation, scheme, enrolled, isDestitute, isDibao, full, share, assisted);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Explain(ref Block block, in PersonRow person, Explanation explanation, MedicalScheme scheme, bool enrolled, bool isDestitute, bool isDibao, double full, double share, double assisted)
        {
            int p = person.Index;
            var region = person.Region;
            if (!enrolled)
            {
                explanation.Record("medical.resident_premium", $"member {person.Member}: not in resident medical insurance (medical scheme {ColumnDefinition.SnakeCase(scheme.ToString())}, contract {ColumnDefinition.SnakeCase(block.Contract[p].ToString())}) → no premium", 0, "yuan/year");
                return;
            }

            string who = isDestitute ? "destitute" : isDibao ? "dibao recipient" : "no assistance";
            explanation.Record("medical.resident_premium", StepText.Create($"member {person.Member}: premium {full:0.00}, {who}: assistance pays {share:0.###} → person pays {full:0.00} − {assisted:0.00}"),
                block.Premium[p], "yuan/year", premium.Source(region), destituteShare.Source(region), dibaoShare.Source(region));
        }

        public readonly ref struct Block(ProgramContext context, string? destitute, string dibao)
        {
            public readonly Rows<WorkContract> Contract = new(context.Population.Contract, context.EndPerson);
            public readonly Rows<MedicalScheme> Scheme = new(context.Population.MedicalScheme, context.EndPerson);
            public readonly ReadOnlySpan<double> Destitute = destitute is null ? default : context.Read(destitute);
            public readonly ReadOnlySpan<double> Dibao = context.Read(dibao);
            public readonly WritableRows<double> Premium = new(context.Write(ResidentMedicalPremiumProgram.Premium.Name), context.EndPerson);
            public readonly WritableRows<double> Assistance = new(context.Write(ResidentMedicalPremiumProgram.Assistance.Name), context.EndPerson);
        }
    }
}
