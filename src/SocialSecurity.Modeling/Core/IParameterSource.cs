using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// Where programs get parameter values from: the engine contract that <c>Parameters.ParameterStore</c> implements.
/// Programs see it through <see cref="ProgramSetup"/>, which resolves each declared parameter once per region.
/// </summary>
public interface IParameterSource
{
    /// <summary>The region hierarchy used for lookups.</summary>
    RegionCatalog Regions { get; }

    /// <summary>Whether a parameter of that name exists.</summary>
    /// <param name="name">The parameter's name.</param>
    bool Contains(string name);

    /// <summary>The definition of a parameter.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <exception cref="ParameterNotFoundException">No parameter has that name.</exception>
    ParameterDefinition Definition(string name);

    /// <summary>The value of a parameter in force on <paramref name="date"/> in <paramref name="region"/>, walking up the region hierarchy.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="date">The date.</param>
    /// <param name="region">A region of <see cref="Regions"/>.</param>
    /// <exception cref="ParameterNotFoundException">Unknown parameter, or no value in force there.</exception>
    ResolvedParameter Resolve(string name, DateOnly date, RegionId region);
}
