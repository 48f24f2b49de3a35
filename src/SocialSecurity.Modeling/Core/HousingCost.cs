namespace SocialSecurity.Modeling.Core;

/// <summary>The household's housing cost for the income-tax deductions, which are exclusive of each other.</summary>
public enum HousingCost : byte
{
    /// <summary>Neither a first-home mortgage nor rent (for example, an owner without a loan).</summary>
    None = 0,

    /// <summary>Paying interest on a first-home mortgage (住房贷款利息).</summary>
    FirstHomeMortgage = 1,

    /// <summary>Renting in a city where no member owns a home (住房租金).</summary>
    Rent = 2,
}
