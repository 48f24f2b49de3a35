using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>The resolved parameters behind each medical layer in one region, for explanations.</summary>
internal sealed record LayerSources(
    ResolvedParameter[] BasicDeductibles,
    ResolvedParameter[] Basic,
    ResolvedParameter[] Catastrophic,
    ResolvedParameter[] Vulnerable,
    ResolvedParameter[][] Assistance,
    ResolvedParameter[] MajorDisease,
    ResolvedParameter[] Commercial,
    ResolvedParameter Ceiling,
    ResolvedParameter[] HouseholdCap);
