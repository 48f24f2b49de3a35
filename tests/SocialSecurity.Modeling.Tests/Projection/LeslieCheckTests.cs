using System.Text.Json;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.Projection;

/// <summary>
/// The projected population against an independent cohort-component (Leslie-matrix) projection over the same WPP
/// inputs, written here with the textbook abridged life table (nqx = n·m / (1 + n·m/2), nLx by the trapezoid) and
/// 5-year steps: it shares no conversion code with the projector.
/// </summary>
public class LeslieCheckTests
{
    private const int Persons = 60_000;

    [Fact]
    public void The_projected_population_by_5_year_age_and_sex_stays_within_3_binomial_standard_errors_of_a_leslie_projection()
    {
        using var doc = JsonDocument.Parse(EmbeddedData.Read("demography/cn-wpp2024.json"));
        var root = doc.RootElement;

        // A base population drawn in proportion to the WPP 2025 table (one person per household, weight 1), ages
        // uniform within each 5-year group, 100+ as 100–104.
        var random = new Random(2025);
        var share = new double[2][];
        foreach (var record in root.GetProperty("base_population").EnumerateArray())
        {
            share[record.GetProperty("sex").GetString() == "male" ? 1 : 0] = [.. record.GetProperty("values").EnumerateArray().Select(v => v.GetDouble())];
        }

        double total = share[0].Sum() + share[1].Sum();
        var builder = new PopulationBuilder();
        var start = new double[2][] { new double[21], new double[21] };
        long id = 0;
        for (int s = 0; s < 2; s++)
        {
            for (int g = 0; g < 21; g++)
            {
                int n = (int)Math.Round(Persons * share[s][g] / total);
                for (int k = 0; k < n; k++)
                {
                    id++;
                    builder.AddHousehold(new HouseholdRecord { Id = id, Weight = 1, RegionCode = RegionCodes.China, Area = AreaType.Urban });
                    builder.AddPerson(new PersonRecord { Id = id, HouseholdId = id, Age = (5 * g) + random.Next(5), Sex = s == 1 ? Sex.Male : Sex.Female });
                    start[s][g]++;
                }
            }
        }

        var result = Projector.Run(builder.Build(), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default,
            new ProjectionOptions { StartYear = 2025, EndYear = 2035, Seed = 99 });

        var expected = Leslie(root, start);
        int n0 = (int)id;
        var row = result.Row(2035);
        var failures = new List<string>();
        for (int s = 0; s < 2; s++)
        {
            var byAge = s == 1 ? row.MalesByAge : row.FemalesByAge;
            for (int g = 0; g < 19; g++)
            {
                // Groups 0–4 … 85–89, then 90+ together (the open group is closed differently on purpose).
                double simulated = g < 18 ? Enumerable.Range(5 * g, 5).Sum(a => byAge[a]) : Enumerable.Range(90, 31).Sum(a => byAge[a]);
                double wanted = g < 18 ? expected[s][g] : expected[s].Skip(18).Sum();
                double p = wanted / n0;
                double se = Math.Sqrt(n0 * p * (1 - p));
                if (Math.Abs(simulated - wanted) > 3 * se)
                {
                    failures.Add($"{(s == 1 ? "male" : "female")} {5 * g}{(g < 18 ? $"–{(5 * g) + 4}" : "+")}: simulated {simulated}, Leslie {wanted:0.0}, 3 SE {3 * se:0.0}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    /// <summary>Two 5-year steps, 2025 → 2030 (rates of 2025–2030) → 2035 (rates of 2030–2035).</summary>
    private static double[][] Leslie(JsonElement root, double[][] population)
    {
        double[] Rates(string sex, int first) => [.. root.GetProperty("mortality").EnumerateArray()
            .First(e => e.GetProperty("sex").GetString() == sex && e.GetProperty("first_year").GetInt32() == first)
            .GetProperty("values").EnumerateArray().Select(v => v.GetDouble())];
        double[] Pattern(int year) => [.. root.GetProperty("fertility_pattern").EnumerateArray()
            .First(e => e.GetProperty("year").GetInt32() == year).GetProperty("values").EnumerateArray().Select(v => v.GetDouble())];
        var tfr = root.GetProperty("tfr").EnumerateArray().SelectMany(e => e.GetProperty("years").EnumerateArray().Select(y => y.GetInt32())
            .Zip(e.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()))).ToDictionary(t => t.First, t => t.Second);
        var srb = root.GetProperty("sex_ratio_at_birth");
        var srbByYear = srb.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).Zip(srb.GetProperty("values").EnumerateArray().Select(v => v.GetDouble())).ToDictionary(t => t.First, t => t.Second);

        var current = population;
        foreach (int first in new[] { 2025, 2030 })
        {
            // 5-year person-years by group (0–4 from the 0 and 1–4 rows), radix 1.
            var L = new double[2][];
            for (int s = 0; s < 2; s++)
            {
                var m = Rates(s == 1 ? "male" : "female", first);
                double q0 = m[0] / (1 + (0.5 * m[0])), q1 = 4 * m[1] / (1 + (2 * m[1]));
                var l = new List<double> { 1, 1 - q0, (1 - q0) * (1 - q1) };
                var lx = new double[22];
                lx[0] = 1;
                lx[1] = l[2];
                for (int g = 1; g < 21; g++)
                {
                    double mg = m[g + 1];
                    lx[g + 1] = lx[g] * (1 - (5 * mg / (1 + (2.5 * mg))));
                }

                L[s] = new double[21];
                L[s][0] = (0.5 * (1 + l[1])) + (2 * (l[1] + l[2]));
                for (int g = 1; g < 20; g++)
                {
                    L[s][g] = 2.5 * (lx[g] + lx[g + 1]);
                }

                L[s][20] = lx[20] / m[21];
            }

            // Births over the 5 years from women's average exposure, ASFR at mid-period.
            int mid = first + 2;
            var pasfr = Pattern(first == 2025 ? 2024 : 2030).Zip(Pattern(first == 2025 ? 2030 : 2040), (a, b) => (a, b)).ToArray();
            double w = first == 2025 ? (mid - 2024) / 6.0 : (mid - 2030) / 10.0;
            var next = new double[2][] { new double[21], new double[21] };
            for (int s = 0; s < 2; s++)
            {
                for (int g = 0; g < 20; g++)
                {
                    next[s][g + 1] += current[s][g] * (g == 19 ? L[s][20] / (L[s][19] + L[s][20]) : L[s][g + 1] / L[s][g]);
                }

                next[s][20] += current[s][20] * L[s][20] / (L[s][19] + L[s][20]);
            }

            double births = 0;
            for (int k = 0; k < 9; k++)
            {
                int g = 2 + k; // 10–14 is group 2
                double share = ((1 - w) * pasfr[k].a) + (w * pasfr[k].b);
                double asfr = tfr[mid] * share / 100 / 5;
                births += 5 * asfr * 0.5 * (current[0][g] + next[0][g]);
            }

            double male = srbByYear[mid] / (1 + srbByYear[mid]);
            next[1][0] = births * male * L[1][0] / 5;
            next[0][0] = births * (1 - male) * L[0][0] / 5;
            current = next;
        }

        return current;
    }
}
