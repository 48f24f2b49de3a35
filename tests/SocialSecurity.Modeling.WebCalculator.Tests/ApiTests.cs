using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SocialSecurity.Modeling.WebCalculator.Tests;

/// <summary>
/// Every endpoint through an in-memory server (<see cref="WebApplicationFactory{TEntryPoint}"/>). Expected numbers come
/// from the worked examples (docs/worked-examples.md#example-8: Zhejiang's urban dibao standard S = 11,000 yuan a
/// person a year from 2022-12-01; a Hangzhou family of three with 18,000 yuan of wages gets 3 × 11,000 − 18,000 =
/// 15,000 a year, 1,250 a month).
/// </summary>
public sealed class ApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    internal const string Example8 = """
        { "date": "2023-06-30", "policy": ["dibao"],
          "households": [ { "region": "330100", "area": "urban",
                            "members": [ { "age": 40, "wages_annual": 18000 }, { "age": 38 }, { "age": 10 } ] } ] }
        """;

    private readonly HttpClient _client = factory.CreateClient();

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private async Task<JsonNode> PostOk(string body)
    {
        using var response = await _client.PostAsync("/calculate", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    private static JsonNode Output(JsonNode household, string name) =>
        household["outputs"]!.AsArray().Single(o => (string)o!["name"]! == name)!;

    private static double Income(JsonNode household, string concept) =>
        (double)household["incomes"]!.AsArray().Single(i => (string)i!["concept"]! == concept)!["value"]!;

    [Fact]
    public async Task Calculate_gives_the_worked_example_with_period_unit_explanation_and_sources()
    {
        var result = await PostOk(Example8);
        var household = result["households"]![0]!;
        var benefit = Output(household, "dibao.benefit_monthly");
        ((double)benefit["value"]!).Should().Be(1250, "(3 × 11000 − 18000)/12 = 1250");
        ((string)benefit["period"]!).Should().Be("month");
        ((string)benefit["unit"]!).Should().Be("yuan/month");
        ((string)benefit["kind"]!).Should().Be("benefit");
        ((string)benefit["display"]!).Should().Be("1250.00");
        ((double)Output(household, "dibao.eligible")["value"]!).Should().Be(1, "6000 < 11000");
        Income(household, "Disposable").Should().Be(33000, "18000 + 15000");

        var standard = household["explanation"]!.AsArray()
            .SelectMany(s => s!["parameters"]!.AsArray())
            .First(p => (string)p!["name"]! == "dibao.standard.urban")!;
        ((double)standard["value"]!).Should().Be(11000);
        ((string)standard["set_by"]!).Should().Be("330000");
        ((string)standard["from"]!).Should().Be("2022-12-01");
        ((string)standard["tag"]!).Should().Be("P");
        ((string)standard["source"]!).Should().NotBeNullOrWhiteSpace();
        ((string)household["region_name"]!).Should().Contain("杭州市");
    }

    [Fact]
    public async Task Calculate_takes_several_households_and_each_equals_its_own_calculation()
    {
        var one = await PostOk(Example8);
        var two = await PostOk("""
            { "date": "2023-06-30", "policy": ["dibao"],
              "households": [ { "region": "330100", "members": [ { "age": 40, "wages_annual": 18000 }, { "age": 38 }, { "age": 10 } ] },
                              { "region": "330100", "members": [ { "age": 70, "wages_annual": 6000 } ] } ] }
            """);
        two["households"]!.AsArray().Should().HaveCount(2);
        JsonNode.DeepEquals(two["households"]![0], one["households"]![0]).Should().BeTrue();
        ((double)Output(two["households"]![1]!, "dibao.benefit_monthly")["value"]!).Should().Be(416.6666666666667, "(11000 − 6000)/12");
    }

    [Fact]
    public async Task A_reform_changes_that_request_only_no_state_is_kept()
    {
        var reformed = await PostOk("""
            { "date": "2023-06-30", "policy": ["dibao"],
              "reform": { "name": "dibao +10%", "changes": [ { "parameter": "dibao.standard.urban", "region": "330000", "from": "2023-01-01", "scale": 1.1 } ] },
              "households": [ { "region": "330100", "members": [ { "age": 40, "wages_annual": 18000 }, { "age": 38 }, { "age": 10 } ] } ] }
            """);
        ((double)Output(reformed["households"]![0]!, "dibao.benefit_monthly")["value"]!).Should().BeApproximately(1525, 1e-9, "(3 × 12100 − 18000)/12");
        ((string)reformed["reform"]!["name"]!).Should().Be("dibao +10%");
        var used = reformed["households"]![0]!["explanation"]!.AsArray().SelectMany(s => s!["parameters"]!.AsArray()).First(p => (string)p!["name"]! == "dibao.standard.urban")!;
        ((string)used["tag"]!).Should().Be("R", "a value changed by a reform says so");

        var baseline = await PostOk(Example8);
        ((double)Output(baseline["households"]![0]!, "dibao.benefit_monthly")["value"]!).Should().Be(1250, "the previous request's reform is not kept");
        baseline["reform"].Should().BeNull();
    }

    [Fact]
    public async Task Illustrative_values_are_flagged()
    {
        // Xinjiang's dibao standards are derived [D] (docs/parameter-derivations.md), but the dibao asset-test values are illustrative [I].
        var result = await PostOk("""{ "date": "2024-06-30", "policy": ["dibao"], "households": [ { "region": "653100", "area": "rural", "members": [ { "age": 50 } ] } ] }""");
        var household = result["households"]![0]!;
        ((bool)household["uses_illustrative_values"]!).Should().BeTrue();
        household["explanation"]!.AsArray().SelectMany(s => s!["parameters"]!.AsArray())
            .Should().Contain(p => (string)p!["tag"]! == "I" && (bool)p!["illustrative"]!);
    }

    [Fact]
    public async Task Parameters_lists_every_parameter_and_one_parameter_has_its_value_source_and_history()
    {
        var list = JsonNode.Parse(await _client.GetStringAsync("/parameters"))!.AsArray();
        list.Should().Contain(p => (string)p!["name"]! == "dibao.standard.urban" && (string)p!["unit"]! == "yuan/year");
        list.Count.Should().BeGreaterThan(50);

        var detail = JsonNode.Parse(await _client.GetStringAsync("/parameters/dibao.standard.urban?region=330100&date=2023-06-30"))!;
        var inForce = detail["in_force"]!;
        ((double)inForce["value"]!).Should().Be(11000);
        ((string)inForce["tag"]!).Should().Be("P");
        ((string)inForce["set_by"]!).Should().Be("330000");
        ((string)inForce["source"]!).Should().NotBeNullOrWhiteSpace();
        var history = detail["history"]!.AsArray();
        history.Should().Contain(h => (string)h!["region"]! == "330000" && (string)h!["from"]! == "2022-12-01" && (double)h!["value"]! == 11000);
        history.Should().Contain(h => (string)h!["region"]! != "330000", "other provinces' values are part of the history");
    }

    [Fact]
    public async Task Programs_have_inputs_outputs_parameters_and_legal_basis_and_regions_are_listed()
    {
        var programs = JsonNode.Parse(await _client.GetStringAsync("/programs"))!;
        var dibao = programs["programs"]!.AsArray().Single(p => (string)p!["name"]! == "dibao")!;
        dibao["parameters"]!.AsArray().Select(p => (string)p!).Should().Contain("dibao.standard.urban");
        dibao["outputs"]!.AsArray().Should().Contain(o => (string)o!["name"]! == "dibao.benefit_monthly" && (string)o!["period"]! == "month");
        dibao["inputs"]!.AsArray().Should().NotBeEmpty();
        ((string)dibao["legal_basis"]!).Should().NotBeNullOrWhiteSpace();
        programs["packages"]!.AsArray().Should().Contain(p => (string)p!["name"]! == "Policies.Standard");

        var regions = JsonNode.Parse(await _client.GetStringAsync("/regions"))!.AsArray();
        regions.Should().Contain(r => (string)r!["code"]! == "330100" && (string)r!["name"]! == "杭州市" && (string)r!["parent"]! == "330000");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Should().Contain(["/calculate", "/parameters", "/parameters/{name}", "/programs", "/regions"]);
    }

    [Fact]
    public async Task The_page_and_its_script_and_style_are_served_by_the_app_with_no_third_party_source()
    {
        var html = await _client.GetStringAsync("/");
        html.Should().Contain("社会保障家庭计算器").And.Contain("Household social-security calculator");
        var references = Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        references.Should().Contain(["app.js", "app.css"]);
        references.Should().OnlyContain(r => !r.Contains("//", StringComparison.Ordinal), "no CDN: every script and style comes from the app");
        (await _client.GetStringAsync("/app.js")).Should().Contain("/calculate".TrimStart('/'));
        (await _client.GetStringAsync("/app.css")).Should().Contain("@media");
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "malformed JSON", """{ "date": "2023-06-30", "households": [ """, "$" },
        { "not an object", """[1, 2]""", "$" },
        { "unknown root field", """{ "date": "2023-06-30", "householdz": [] }""", "$.householdz" },
        { "unknown member field", """{ "date": "2023-06-30", "households": [ { "region": "330100", "members": [ { "age": 40, "wage": 1 } ] } ] }""", "$.households[0].members[0].wage" },
        { "age out of range", """{ "date": "2023-06-30", "households": [ { "region": "330100", "members": [ { "age": 130 } ] } ] }""", "$.households[0].members[0].age" },
        { "negative wages", """{ "date": "2023-06-30", "households": [ { "region": "330100", "members": [ { "age": 30, "wages_annual": -5 } ] } ] }""", "$.households[0].members[0].wages_annual" },
        { "wrong type", """{ "date": "2023-06-30", "households": [ { "region": "330100", "members": [ { "age": "forty" } ] } ] }""", "$.households[0].members[0].age" },
        { "unknown choice", """{ "date": "2023-06-30", "households": [ { "region": "330100", "members": [ { "age": 40, "sex": "x" } ] } ] }""", "$.households[0].members[0].sex" },
        { "built-in column out of range", """{ "date": "2023-06-30", "households": [ { "region": "330100", "members": [ { "age": 40, "columns": { "person.unemployment_months": 13 } } ] } ] }""", "$.households[0].members[0].columns.person.unemployment_months" },
        { "column the policy does not read", """{ "date": "2023-06-30", "policy": ["dibao"], "households": [ { "region": "330100", "members": [ { "age": 40, "columns": { "person.shoe_size": 42 } } ] } ] }""", "$.households[0].members[0].columns.person.shoe_size" },
        { "policy reading columns the request lacks", """{ "date": "2023-06-30", "policy": "PensionPolicies.EmployeePensionOnly", "households": [ { "region": "330100", "members": [ { "age": 65 } ] } ] }""", "$.households[0].members[0].columns" },
        { "unknown region", """{ "date": "2023-06-30", "households": [ { "region": "339999", "members": [ { "age": 40 } ] } ] }""", "$.households[0].region" },
        { "bad date", """{ "date": "2023-02-30", "households": [ { "region": "330100", "members": [ { "age": 40 } ] } ] }""", "$.date" },
        { "missing date", """{ "households": [ { "region": "330100", "members": [ { "age": 40 } ] } ] }""", "$.date" },
        { "no households", """{ "date": "2023-06-30", "households": [] }""", "$.households" },
        { "no members", """{ "date": "2023-06-30", "households": [ { "region": "330100", "members": [] } ] }""", "$.households[0].members" },
        { "unknown policy", """{ "date": "2023-06-30", "policy": "Policies.Nonsense", "households": [ { "region": "330100", "members": [ { "age": 40 } ] } ] }""", "$.policy" },
        { "unknown program", """{ "date": "2023-06-30", "policy": ["dibao", "free_lunch"], "households": [ { "region": "330100", "members": [ { "age": 40 } ] } ] }""", "$.policy[1]" },
        { "reform of an unknown parameter", """{ "date": "2023-06-30", "reform": { "name": "r", "changes": [ { "parameter": "dibao.standrad.urban", "region": "330000", "from": "2023-01-01", "scale": 1.1 } ] }, "households": [ { "region": "330100", "members": [ { "age": 40 } ] } ] }""", "$.reform" },
        { "malformed reform", """{ "date": "2023-06-30", "reform": { "name": "r", "changes": 5 }, "households": [ { "region": "330100", "members": [ { "age": 40 } ] } ] }""", "$.reform.changes" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_a_400_problem_naming_the_path_with_no_stack_trace(string what, string body, string path)
    {
        using var response = await _client.PostAsync("/calculate", Json(body));
        await ShouldBeProblem(response, path, what);
    }

    [Fact]
    public async Task Too_many_households_or_members_and_oversized_bodies_are_refused()
    {
        var member = """{ "age": 40 }""";
        var household = $$"""{ "region": "330100", "members": [ {{member}} ] }""";
        var many = $$"""{ "date": "2023-06-30", "households": [ {{string.Join(", ", Enumerable.Repeat(household, 51))}} ] }""";
        using (var response = await _client.PostAsync("/calculate", Json(many)))
        {
            await ShouldBeProblem(response, "$.households", "51 households");
        }

        var crowded = $$"""{ "date": "2023-06-30", "households": [ { "region": "330100", "members": [ {{string.Join(", ", Enumerable.Repeat(member, 21))}} ] } ] }""";
        using (var response = await _client.PostAsync("/calculate", Json(crowded)))
        {
            await ShouldBeProblem(response, "$.households[0].members", "21 members");
        }

        var huge = $$"""{ "date": "2023-06-30", "padding": "{{new string('x', 300_000)}}" }""";
        using (var response = await _client.PostAsync("/calculate", Json(huge)))
        {
            await ShouldBeProblem(response, "$", "an oversized body");
        }

        // The server keeps serving.
        (await PostOk(Example8))["households"]!.AsArray().Should().HaveCount(1);
    }

    [Theory]
    [InlineData("/parameters/dibao.standrad.urban", "name")]
    [InlineData("/parameters/dibao.standard.urban?region=339999", "region")]
    [InlineData("/parameters/dibao.standard.urban?date=2023-13-01", "date")]
    public async Task A_bad_parameter_query_is_a_400_problem_naming_the_field(string url, string field)
    {
        using var response = await _client.GetAsync(url);
        await ShouldBeProblem(response, field, url);
    }

    private static async Task ShouldBeProblem(HttpResponseMessage response, string path, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"{what}: {text}");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(text)!;
        ((int)problem["status"]!).Should().Be(400);
        ((string)problem["title"]!).Should().NotBeNullOrEmpty();
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Equal([path], what);
        ((string)problem["detail"]!).Should().StartWith(path);
        text.Should().NotMatchRegex(@"\bat [A-Za-z_.]+\(", "no stack trace").And.NotContain("Exception");
    }

    [Fact]
    public async Task Unknown_routes_are_problem_details_too()
    {
        using var response = await _client.GetAsync("/no-such-endpoint");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be(404);
    }
}
