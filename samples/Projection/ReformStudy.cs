using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;

namespace ProjectionSample;

/// <summary>The size and years of the study.</summary>
internal sealed record StudySettings(int Persons, int Replicates, int StartYear, int EndYear, ulong Seed);

/// <summary>One region's two projections: the 2024 retirement reform (the law as it is) and the no-reform scenario.</summary>
internal sealed record RegionStudy(string RegionCode, string Name, ProjectionResult Reform, ProjectionResult NoReform, CohortReplacement ReformCohorts, CohortReplacement NoReformCohorts)
{
    /// <summary>A file-name slug: "china", "zhejiang".</summary>
    public string Slug => Name.ToLowerInvariant();
}

/// <summary>
/// "The 2024 retirement reform against no reform": the same base population projected twice with the same seed, once
/// with the built-in parameters (the reform in force from 2025-01-01) and once with <see cref="NoReform"/>, so that
/// every demographic and working-life draw is the same and the difference is the reform's.
/// </summary>
internal static class ReformStudy
{
    /// <summary>The regions of the study: China and Zhejiang.</summary>
    public static readonly (string Code, string Name)[] Regions = [(RegionCodes.China, "China"), (RegionCodes.Zhejiang, "Zhejiang")];

    /// <summary>
    /// The no-reform scenario as a reform: from 2025-01-01 the statutory ages keep no delay (the largest delays of the
    /// 2024 decision set back to 0, the original ages of 国发〔1978〕104号: men 60, women 55 or 50), and the minimum
    /// contribution years stay 15 instead of rising from 2030 (Social Insurance Law art. 16). docs/rules/retirement_age.md.
    /// </summary>
    public static Reform NoReform { get; } = Reform.Create("No 2024 retirement reform")
        .Describe("Counterfactual: the statutory retirement ages before the 2024 reform (men 60, women 55 or 50) and 15 minimum contribution years, kept from 2025 on.")
        .Set(RetirementAgeProgram.ParameterNames.MaxDelayMale, RegionCodes.China, new DateOnly(2025, 1, 1), 0)
        .Set(RetirementAgeProgram.ParameterNames.MaxDelayFemaleCadre, RegionCodes.China, new DateOnly(2025, 1, 1), 0)
        .Set(RetirementAgeProgram.ParameterNames.MaxDelayFemaleWorker, RegionCodes.China, new DateOnly(2025, 1, 1), 0)
        .Set(EmployeePensionNames.Parameters.MinimumYears, RegionCodes.China, new DateOnly(2025, 1, 1), 15);

    /// <summary>
    /// The standard package (<see cref="Policies.Standard"/>: assistance and the income chain with the social-insurance
    /// contributions) plus the urban employee pension, which the projector pays to the members it retires. The
    /// synthetic populations' reported pensions stay in the income concepts (so base-population retirees' incomes count
    /// them besides the projected pension; the fund and the dependency ratios do not read them).
    /// </summary>
    public static Policy Policy { get; } = SocialSecurity.Modeling.Core.Policy.Create([.. Policies.Standard().Programs, new EmployeePensionProgram()]);

    /// <summary>The projection options of both scenarios (same seed: paired draws).</summary>
    public static ProjectionOptions Options(StudySettings settings) => new()
    {
        StartYear = settings.StartYear,
        EndYear = settings.EndYear,
        Replicates = settings.Replicates,
        Seed = settings.Seed,
    };

    /// <summary>The base population: a synthetic sample of the region (2023 statistics) with employee-pension histories [I], used as the start year's population.</summary>
    public static Population BasePopulation(string regionCode, StudySettings settings, ParameterStore parameters)
    {
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = regionCode, Persons = settings.Persons, Year = 2023, Seed = settings.Seed });
        return EmployeeHistories.Attach(population, parameters, new DateOnly(settings.StartYear, 7, 1));
    }

    /// <summary>Runs both scenarios for one region; <paramref name="onYear"/> also receives every projected year (for example a panel writer).</summary>
    public static RegionStudy Run((string Code, string Name) region, StudySettings settings, ParameterStore parameters, Action<string, ProjectionYear>? onYear = null, IProgress<ProjectionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var population = BasePopulation(region.Code, settings, parameters);
        var policy = Policy;
        var results = new List<(ProjectionResult Result, CohortReplacement Cohorts)>();
        foreach (var (scenario, store) in new[] { ("reform", parameters), ("no-reform", parameters.WithReform(NoReform)) })
        {
            var cohorts = new CohortReplacement(settings.StartYear);
            var options = Options(settings) with
            {
                OnYear = year =>
                {
                    cohorts.Add(year);
                    onYear?.Invoke(scenario, year);
                },
            };
            results.Add((Projector.Run(population, policy, store, options, progress: progress, cancellationToken: cancellationToken), cohorts));
        }

        return new RegionStudy(region.Code, region.Name, results[0].Result, results[1].Result, results[0].Cohorts, results[1].Cohorts);
    }
}
