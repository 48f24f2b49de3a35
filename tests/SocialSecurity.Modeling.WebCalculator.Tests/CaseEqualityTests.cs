using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Cases;

namespace SocialSecurity.Modeling.WebCalculator.Tests;

/// <summary>
/// <c>POST /calculate</c> gives the same numbers as <see cref="HouseholdCalculator"/> for every declarative household
/// case (tests/SocialSecurity.Modeling.Tests/Cases/Households): the case's household, members, policy and reform are
/// sent as a request, and every output, income and explanation step that comes back is compared with the library run
/// on the case as the library's own case reader builds it, and with the case's hand-computed expectations.
/// </summary>
public sealed class CaseEqualityTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly string CaseFolder = Path.Combine(AppContext.BaseDirectory, "Cases", "Households");

    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CaseFolder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>A case whose policy holds a program given as an object (a medical bill-draw model), which the API does not take.</summary>
    private static bool UsesObjectPrograms(JsonNode root) => root["policy"] is JsonArray programs && programs.Any(p => p is JsonObject);

    [Fact]
    public void The_cases_are_there_and_nearly_all_go_through_the_api()
    {
        var files = Directory.GetFiles(CaseFolder, "*.json");
        files.Length.Should().BeGreaterThan(200);
        files.Count(f => UsesObjectPrograms(JsonNode.Parse(File.ReadAllText(f))!)).Should().BeLessThan(5, "only cases with a bill-draw model object stay out");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Calculate_equals_the_household_calculator(string file)
    {
        var path = Path.Combine(CaseFolder, file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        if (UsesObjectPrograms(root))
        {
            return;
        }

        var householdCase = HouseholdCase.Load(path);
        foreach (var period in householdCase.Periods)
        {
            var household = root["household"]!.DeepClone().AsObject();
            household["members"] = root["members"]!.DeepClone();
            var request = new JsonObject
            {
                ["date"] = period.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["policy"] = root["policy"]!.DeepClone(),
                ["households"] = new JsonArray(household),
            };
            if (root["reform"] is { } reform)
            {
                request["reform"] = reform.DeepClone();
            }

            using var response = await _client.PostAsync("/calculate", new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{file} {period.Date}: {text}");
            var api = JsonNode.Parse(text)!["households"]![0]!;

            var library = new HouseholdCalculator(householdCase.Policy(), householdCase.Parameters())
                .Calculate(householdCase.Household, householdCase.Members, period.Date, householdCase.PersonColumns, householdCase.HouseholdColumns);
            var outputs = api["outputs"]!.AsArray();
            outputs.Select(o => (string)o!["name"]!).Should().Equal(library.Result.Policy.Outputs.Select(o => o.Name), file);
            foreach (var output in outputs)
            {
                var name = (string)output!["name"]!;
                var expected = library.Result.Values(name).ToArray();
                var actual = output["values"] is JsonArray values ? values.Select(v => (double)v!).ToArray() : [(double)output["value"]!];
                actual.Should().Equal(expected, $"{file} {period.Date} {name}");
            }

            foreach (var concept in Enum.GetValues<IncomeConcept>())
            {
                var income = api["incomes"]!.AsArray().Single(i => (string)i!["concept"]! == concept.ToString())!;
                ((double)income["value"]!).Should().Be(library.Income(concept).Value, $"{file} {period.Date} income.{concept}");
            }

            var steps = api["explanation"]!.AsArray();
            steps.Select(s => $"{(string)s!["program"]!}: {(string)s["text"]!}").Should().Equal(library.Explanation.Steps.Select(s => $"{s.Program}: {s.Text}"), file);
            steps.SelectMany(s => s!["parameters"]!.AsArray().Select(p => (string)p!["text"]!))
                .Should().Equal(library.Explanation.Steps.SelectMany(s => s.Parameters.Select(p => p.Describe(householdCase.Parameters().Regions))), file);

            // The hand-computed expectations of the case hold for the API's numbers too.
            foreach (var check in period.Checks)
            {
                double actual = check.Variable.StartsWith("income.", StringComparison.Ordinal)
                    ? (double)api["incomes"]!.AsArray().Single(i => (string)i!["concept"]! == check.Variable["income.".Length..])!["value"]!
                    : check.Member is { } m
                        ? (double)outputs.Single(o => (string)o!["name"]! == check.Variable)!["values"]![m]!
                        : (double)outputs.Single(o => (string)o!["name"]! == check.Variable)!["value"]!;
                actual.Should().BeApproximately(check.Value, check.Tolerance, $"{file} {check.Path}: {check.Why}");
            }
        }
    }
}
