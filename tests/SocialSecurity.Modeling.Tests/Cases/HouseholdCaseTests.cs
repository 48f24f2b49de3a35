using System.Text.Json;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Cases;

/// <summary>
/// Declarative household cases (OpenFisca-style): each JSON file under Cases/Households is a household, a date, a
/// policy, an optional reform, the expected outputs and an error margin, with the rule or worked example it checks.
/// Add a case by adding a file; no code.
/// </summary>
public class HouseholdCaseTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Cases", "Households");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void There_are_cases_to_run() => Files().Count.Should().BeGreaterThanOrEqualTo(6);

    [Theory]
    [MemberData(nameof(Files))]
    public void Case_gives_the_expected_outputs(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        var root = document.RootElement;
        var name = root.GetProperty("name").GetString();
        root.GetProperty("reference").GetString().Should().NotBeNullOrWhiteSpace("every case cites the rule or example it checks");
        var date = DateOnly.Parse(root.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var policy = root.GetProperty("policy").GetString() switch
        {
            "dibao" => Policy.Create(new DibaoProgram()),
            "standard" => Policies.Standard(),
            var other => throw new InvalidOperationException($"{file}: unknown policy '{other}'"),
        };
        var parameters = ParameterStore.Default;
        if (root.TryGetProperty("reform", out var reform))
        {
            parameters = parameters.WithReform(Reform.Parse(reform.GetRawText(), file));
        }

        var h = root.GetProperty("household");
        var household = new HouseholdRecord
        {
            Id = 1,
            RegionCode = h.GetProperty("region").GetString()!,
            Area = h.TryGetProperty("area", out var area) && area.GetString() == "rural" ? AreaType.Rural : AreaType.Urban,
            FinancialAssets = Number(h, "financial_assets"),
            HousingUnits = (byte)Number(h, "homes"),
            HasNonEssentialVehicle = h.TryGetProperty("vehicle", out var vehicle) && vehicle.GetBoolean(),
        };
        var members = root.GetProperty("members").EnumerateArray().Select((m, i) => new PersonRecord
        {
            Id = i + 1,
            HouseholdId = 1,
            Age = (int)Number(m, "age"),
            Sex = m.TryGetProperty("sex", out var sex) && sex.GetString() == "male" ? Sex.Male : Sex.Female,
            Disability = (DisabilityGrade)(int)Number(m, "disability_grade"),
            WagesAnnual = Number(m, "wages_annual"),
            BusinessIncomeAnnual = Number(m, "business_income_annual"),
            PropertyIncomeAnnual = Number(m, "property_income_annual"),
            PrivateTransfersAnnual = Number(m, "private_transfers_annual"),
            PensionIncomeAnnual = Number(m, "pension_income_annual"),
        }).ToArray();

        var result = new HouseholdCalculator(policy, parameters).Calculate(household, members, date);
        double margin = root.GetProperty("absolute_error_margin").GetDouble();
        foreach (var expected in root.GetProperty("expected").EnumerateObject())
        {
            double actual = expected.Name.StartsWith("income.", StringComparison.Ordinal)
                ? result.Income(Enum.Parse<IncomeConcept>(expected.Name["income.".Length..])).Value
                : result.HouseholdValue(expected.Name);
            actual.Should().BeApproximately(expected.Value.GetDouble(), margin, $"{file} ({name}): {expected.Name}");
        }
    }

    private static double Number(JsonElement element, string property)
        => element.TryGetProperty(property, out var value) ? value.GetDouble() : 0;
}
