namespace SocialSecurity.Modeling.Core;

/// <summary>A person's main activity.</summary>
public enum EmploymentStatus : byte
{
    /// <summary>Not in work and not in another category (includes children below school age).</summary>
    Inactive = 0,

    /// <summary>An employee, covered or coverable by the urban employee pension.</summary>
    Employee = 1,

    /// <summary>Self-employed or a flexible worker.</summary>
    SelfEmployed = 2,

    /// <summary>Farming, herding or fishing on the household's own account.</summary>
    Agricultural = 3,

    /// <summary>Unemployed and looking for work.</summary>
    Unemployed = 4,

    /// <summary>Retired.</summary>
    Retired = 5,

    /// <summary>In full-time education.</summary>
    Student = 6,
}
