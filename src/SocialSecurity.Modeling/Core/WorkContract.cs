namespace SocialSecurity.Modeling.Core;

/// <summary>How a person works, as social insurance and income tax distinguish it.</summary>
public enum WorkContract : byte
{
    /// <summary>No work arrangement (not working, or farming on the household's own account).</summary>
    None = 0,

    /// <summary>An employee with a labour contract: enrolled in the five employee insurances through the employer.</summary>
    LabourContract = 1,

    /// <summary>A flexible worker without a labour contract (self-employed, platform workers): pays the employee pension alone, on a base chosen within the band.</summary>
    Flexible = 2,

    /// <summary>The owner of a registered individual industrial and commercial household (个体工商户), whose business income is taxed with the halving for such households; insured as a flexible worker.</summary>
    IndividualBusiness = 3,
}
