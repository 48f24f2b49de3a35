namespace SocialSecurity.Modeling.Core;

/// <summary>The basic medical insurance a person is enrolled in.</summary>
public enum MedicalScheme : byte
{
    /// <summary>Decided by the work arrangement: employee medical insurance with a labour contract, resident medical insurance otherwise.</summary>
    ByContract = 0,

    /// <summary>Urban employee basic medical insurance (contributions from wages; retirees who qualify pay nothing).</summary>
    Employee = 1,

    /// <summary>Urban–rural resident basic medical insurance (a flat yearly individual premium).</summary>
    Resident = 2,

    /// <summary>Not insured.</summary>
    Uninsured = 3,
}
