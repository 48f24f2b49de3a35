namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// The level of the hospital a patient is admitted to (医院等级). Basic medical insurance sets a higher deductible
/// (起付线) at higher levels to steer patients to primary care (docs/rules/medical.md#basic-medical-insurance).
/// </summary>
public enum HospitalLevel : byte
{
    /// <summary>Primary (一级) hospitals and township health centres.</summary>
    Primary = 1,

    /// <summary>Secondary (二级) hospitals, typically county hospitals.</summary>
    Secondary = 2,

    /// <summary>Tertiary (三级) hospitals, typically city and provincial hospitals.</summary>
    Tertiary = 3,
}
