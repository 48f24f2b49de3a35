using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>The explanation steps of <see cref="MedicalPayoutProgram"/> for one person: each layer with the parameters behind it.</summary>
internal static class MedicalPayoutExplanation
{
    public static void Record(Explanation explain, long personId, in MedicalPayout m, double? cap, in MedicalPayoutSchedule s, HospitalLevel level, AssistanceGroup group, LayerSources sources)
    {
        var c = CultureInfo.InvariantCulture;
        string who = StepText.Create($"person {personId}");
        bool assisted = group != AssistanceGroup.None;
        var catastrophic = assisted ? s.CatastrophicVulnerable : s.Catastrophic;
        var assistance = s.AssistanceFor(group).For(m.Bill);
        explain.Record("medical", StepText.Create($"{who}: bill B = within-policy W {m.WithinPolicyBill:0.00} + out-of-policy {m.OutOfPolicyBill:0.00} ({level} hospital, group {group})"), m.Bill, "yuan/year");
        explain.Record("medical", StepText.Create($"{who}: basic insurance = min(ceiling {s.Basic.AnnualCeiling:0}, bands [{s.Basic.Bands}] on W above the deductible for {level})"), m.BasicInsurance, "yuan/year", [sources.BasicDeductibles[(int)level - 1], .. sources.Basic]);
        explain.Record("medical", StepText.Create($"{who}: catastrophic insurance{(assisted ? " (vulnerable terms)" : string.Empty)} = min(cap {(catastrophic.Cap is { } k2 ? k2.ToString("0", c) : "none")}, bands [{catastrophic.Bands}] on the self-pay above {catastrophic.Deductible:0.00})"), m.CatastrophicInsurance, "yuan/year", assisted ? [.. sources.Catastrophic, .. sources.Vulnerable] : sources.Catastrophic);
        if (assisted)
        {
            explain.Record("medical", StepText.Create($"{who}: medical assistance = min(cap {assistance.Cap:0}, {assistance.Rate * 100:0.##}% × (self-pay left − {assistance.Deductible:0.00}))"), m.MedicalAssistance, "yuan/year", sources.Assistance[(int)group - 1]);
            explain.Record("medical", s.MajorDisease.Enabled
                ? StepText.Create($"{who}: major-disease subsidy = min(cap {s.MajorDisease.Cap:0}, bands [{s.MajorDisease.Bands}] on the self-pay left) when the bill per admission exceeds {s.MajorDisease.AdmissionThreshold:0}")
                : StepText.Create($"{who}: major-disease subsidy: none where the household lives"), m.MajorDiseaseSubsidy, "yuan/year", sources.MajorDisease);
        }

        explain.Record("medical", StepText.Create($"{who}: overall ceiling: public layers ≤ {s.ReimbursementCeiling * 100:0.##}% × B = {s.ReimbursementCeiling * m.Bill:0.00}; amount taken back"), m.CeilingReduction, "yuan/year", sources.Ceiling);
        explain.Record("medical", StepText.Create($"{who}: inclusive commercial insurance (Huiminbao, private; if enrolled) = min(cap {s.InclusiveCommercial.Cap:0}, {s.InclusiveCommercial.Rate * 100:0.##}% × (self-pay left − {s.InclusiveCommercial.Deductible:0.00}))"), m.InclusiveCommercialInsurance, "yuan/year", sources.Commercial);
        explain.Record("medical", cap is { } k
            ? StepText.Create($"{who}: household burden cap: household OOP above K = {k:0.00} paid in full, shared by members' OOP")
            : StepText.Create($"{who}: household burden cap: none applies"), m.HouseholdCap, "yuan/year", sources.HouseholdCap);
        explain.Record("medical", StepText.Create($"{who}: out-of-pocket = B − all payments"), m.OutOfPocket, "yuan/year");
    }
}
