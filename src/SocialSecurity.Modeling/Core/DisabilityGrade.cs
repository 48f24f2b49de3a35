namespace SocialSecurity.Modeling.Core;

/// <summary>The grade on a person's disability certificate (残疾人证); grade 1 is the most severe. Grades 1–2 count as severe disability.</summary>
public enum DisabilityGrade : byte
{
    /// <summary>No certified disability.</summary>
    None = 0,

    /// <summary>Grade 1, the most severe.</summary>
    Grade1 = 1,

    /// <summary>Grade 2 (severe).</summary>
    Grade2 = 2,

    /// <summary>Grade 3.</summary>
    Grade3 = 3,

    /// <summary>Grade 4, the least severe.</summary>
    Grade4 = 4,
}
