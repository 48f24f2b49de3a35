namespace SocialSecurity.Modeling.Core;

/// <summary>The class of the city where a household lives, as the housing-rent deduction distinguishes it.</summary>
public enum CityClass : byte
{
    /// <summary>Any other place.</summary>
    Other = 0,

    /// <summary>A city with a registered population above one million that is not <see cref="Major"/>.</summary>
    Large = 1,

    /// <summary>A municipality directly under the central government, a provincial capital or a city with separate planning status (计划单列市).</summary>
    Major = 2,
}
