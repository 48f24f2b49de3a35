namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// The social-assistance group a person belongs to for medical purposes. It selects the medical-assistance terms
/// (docs/rules/medical.md#medical-assistance), the catastrophic-insurance terms for vulnerable people (docs/rules/medical.md#catastrophic-illness-insurance) and the household burden cap
/// (docs/rules/medical.md#household-burden-cap). Codes are stable: they are the values of <see cref="MedicalAssistanceGroupProgram.Group"/> and of the observed column <see cref="MedicalAssistanceGroupProgram.ObservedGroupColumn"/>.
/// </summary>
public enum AssistanceGroup : byte
{
    /// <summary>Not in an assistance group: insurance only.</summary>
    None = 0,

    /// <summary>Destitute persons (特困人员, including rural five-guarantee households and orphans).</summary>
    Destitute = 1,

    /// <summary>Members of dibao (最低生活保障) households.</summary>
    Dibao = 2,

    /// <summary>Members of dibao-marginal (低保边缘) households.</summary>
    Marginal = 3,

    /// <summary>Members of other hardship households: expenditure-type hardship (支出型困难) or impoverished by illness (因病致贫).</summary>
    OtherHardship = 4,
}
