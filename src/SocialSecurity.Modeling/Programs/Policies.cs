using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Programs;

/// <summary>The built-in policy packages: the programs of the library, ready to run with the built-in parameters.</summary>
public static class Policies
{
    /// <summary>
    /// The standard package: every built-in program. Provincial differences come from the parameters (national →
    /// province → city), not from different code, so one package serves all four provinces of the study.
    /// </summary>
    public static Policy Standard() => Policy.Create(new DibaoProgram(), new DibaoMarginalProgram());
}
