namespace SocialSecurity.Modeling.Core;

/// <summary>The entity a variable belongs to: one value per person, or one per household.</summary>
public enum Entity
{
    /// <summary>One value per person.</summary>
    Person,

    /// <summary>One value per household.</summary>
    Household,
}
