using System.Text.Json.Nodes;
using CsCheck;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Reliability;

/// <summary>
/// Random valid parameter files (docs/parameter-files.md#format) and reforms (docs/parameter-files.md#reforms) always
/// load and run; one bad field, a truncated or a missing file is always rejected with the documented exception
/// (<see cref="DataFormatException"/> naming the file and the JSON path, <see cref="ReformValidationException"/> naming
/// the change and its parameter, <see cref="FileNotFoundException"/> naming the file), and the store it was loaded
/// into is left as it was.
/// </summary>
public sealed class ParameterAndReformCorruptionPropertyTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);
    private static readonly string[] FileRegions = [RegionCodes.Zhejiang, RegionCodes.Jiangsu, RegionCodes.Xinjiang, RegionCodes.InnerMongolia];
    private static readonly string[] ReformRegions = [RegionCodes.China, RegionCodes.Zhejiang, RegionCodes.Hangzhou, RegionCodes.Xinjiang, RegionCodes.Kashgar];
    private static readonly string[] Standards = [DibaoProgram.StandardUrban, DibaoProgram.StandardRural];
    private static readonly Lazy<Core.Population> Population = new(() => { var (h, p) = TestPopulations.Random(30, 7); return TestPopulations.Build(h, p); });

    /// <summary>One bad field (or a truncation) in a valid parameter file.</summary>
    public enum ParameterCorruption { Unit, Period, Provenance, Date, TextValue, OutOfRange, MissingSource, UnknownField, DuplicateDate, Region, Truncated }

    /// <summary>One bad field (or a truncation) in a valid reform.</summary>
    public enum ReformCorruption { MisspeltParameter, UnknownRegion, NegativeScale, OutOfRange, TextAmount, BadDate, UntilBeforeFrom, UnknownField, TwoKinds, Truncated }

    /// <summary>A parameter of the test's own: money (yuan per month or year) or a fraction, with ascending dated values.</summary>
    public sealed record ParameterSpec(bool Money, bool Monthly, double Min, double Span, int[] Gaps, double[] Fractions, int[] Tags);

    /// <summary>A file: its region, its own parameters, and a new value of a built-in one (the urban dibao standard) in force at the run's date.</summary>
    public sealed record ParameterFileSpec(string Region, ParameterSpec[] Parameters, int DibaoDay, double DibaoValue);

    /// <summary>A reform change on a dibao standard: set (1,000–20,000), scale (0.5–1.5) or add (−200–500), from a day in 2023's first half; up to four stacked stay in range (1,000 − 3 × 200 > 0).</summary>
    public sealed record ChangeSpec(int Parameter, string Region, int Kind, double Fraction, int Day);

    private static readonly Gen<ParameterSpec> Parameter =
        Gen.Int[1, 4].SelectMany(n => Gen.Select(Gen.Bool, Gen.Bool, Gen.Double[0, 1_000], Gen.Double[1, 100_000], Gen.Int[1, 2_000].Array[n], Gen.Double[0, 1].Array[n], Gen.Int[0, 5].Array[n],
            (money, monthly, min, span, gaps, fractions, tags) => new ParameterSpec(money, monthly, min, span, gaps, fractions, tags)));

    private static readonly Gen<ParameterFileSpec> ParameterFiles =
        Gen.Select(Gen.OneOf(FileRegions), Parameter.Array[1, 3], Gen.Int[1, 150], Gen.Double[5_000, 20_000], (region, parameters, day, value) => new ParameterFileSpec(region, parameters, day, value));

    private static readonly Gen<ChangeSpec[]> Reforms =
        Gen.Select(Gen.Int[0, 1], Gen.OneOf(ReformRegions), Gen.Int[0, 2], Gen.Double[0, 1], Gen.Int[0, 180], (p, r, k, f, d) => new ChangeSpec(p, r, k, f, d)).Array[1, 4];

    [Fact]
    public void Valid_parameter_files_load_and_run_and_give_back_their_values()
    {
        ParameterFiles.Sample(spec =>
        {
            using var folder = new PopulationCorruptionPropertyTests.TempFolder();
            var path = folder.Path("parameters.json");
            File.WriteAllText(path, ParameterJson(spec).ToJsonString());
            var store = ParameterStore.Default.WithFiles(path);

            for (int i = 0; i < spec.Parameters.Length; i++)
            {
                var p = spec.Parameters[i];
                var (from, value) = Values(p)[^1];
                store.Resolve(Name(i), from, spec.Region).Value.Scalar.Should().Be(value);
                store.Resolve(Name(i), from, spec.Region).Definition.Unit.Should().Be(p.Money ? Core.ParameterUnit.Yuan : Core.ParameterUnit.Fraction);
            }

            store.Resolve(DibaoProgram.StandardUrban, Date, spec.Region).Value.Scalar.Should().Be(spec.DibaoValue);
            Microsimulation.Run(Population.Value, Policies.Standard(), store, Date, new SimulationOptions { MaxDegreeOfParallelism = 1 }).PublicSpendingAnnual.Should().BeGreaterThanOrEqualTo(0);
        }, iter: 15);
    }

    [Fact]
    public void One_bad_field_or_a_truncated_or_missing_parameter_file_is_rejected_naming_file_and_path_and_the_store_is_unchanged()
    {
        var store = ParameterStore.Default;
        var names = store.Names.ToArray();
        double standard = store.Resolve(DibaoProgram.StandardUrban, Date, RegionCodes.Zhejiang).Value.Scalar;
        Gen.Select(ParameterFiles, Gen.Enum<ParameterCorruption>(), Gen.Int[0, int.MaxValue], Gen.Double[0, 1], Gen.Bool).Sample(sample =>
        {
            var (spec, corruption, seed, cut, missing) = sample;
            using var folder = new PopulationCorruptionPropertyTests.TempFolder();
            var path = folder.Path("parameters.json");
            if (missing)
            {
                FluentActions.Invoking(() => store.WithFiles(path)).Should().Throw<FileNotFoundException>().WithMessage($"*{path}*");
                return;
            }

            var json = ParameterJson(spec);
            int k = seed % spec.Parameters.Length;
            var parameter = json["parameters"]![Name(k)]!;
            var values = parameter["values"]!.AsArray();
            int j = seed / 7 % values.Count;
            string at = $"$.parameters['{Name(k)}']";
            string expected = corruption switch
            {
                ParameterCorruption.Unit => Set(parameter, "unit", "furlong", $"{at}.unit"),
                ParameterCorruption.Period => Set(parameter, "period", "week", $"{at}.period"),
                ParameterCorruption.Provenance => Set(values[j]!, "provenance", "X", $"{at}.values[{j}].provenance"),
                ParameterCorruption.Date => Set(values[j]!, "from", "2023-02-30", $"{at}.values[{j}].from"),
                ParameterCorruption.TextValue => Set(values[j]!, "value", "abc", $"{at}.values[{j}].value"),
                ParameterCorruption.OutOfRange => Set(values[j]!, "value", JsonValue.Create((double)parameter["max"]! + 1)!, $"{at}.values[{j}]"),
                ParameterCorruption.MissingSource => Remove(values[j]!, "source", $"{at}.values[{j}]"),
                ParameterCorruption.UnknownField => Set(values[j]!, "colour", "red", $"{at}.values[{j}].colour"),
                ParameterCorruption.DuplicateDate when values.Count > 1 => Set(values[Math.Max(j, 1)]!, "from", (string)values[Math.Max(j, 1) - 1]!["from"]!, $"{at}.values[{Math.Max(j, 1)}]"),
                ParameterCorruption.DuplicateDate => Set(values[j]!, "from", "yesterday", $"{at}.values[{j}].from"),
                ParameterCorruption.Region => Set(json, "region", "999999", "$.region"),
                _ => "$", // a truncated file: the position is a JSON path or a line and byte
            };
            var text = json.ToJsonString();
            File.WriteAllText(path, corruption == ParameterCorruption.Truncated ? text[..(int)(cut * (text.Length - 1))] : text);

            var error = FluentActions.Invoking(() => store.WithFiles(path)).Should().Throw<DataFormatException>().Which;
            error.Message.Should().StartWith($"{path} at ").And.Contain(expected);

            store.Names.Should().Equal(names, "a failed load adds nothing to the store it was loaded into");
            store.Resolve(DibaoProgram.StandardUrban, Date, RegionCodes.Zhejiang).Value.Scalar.Should().Be(standard);
        }, iter: 80);
    }

    [Fact]
    public void Valid_reforms_load_apply_and_run_and_a_single_change_gives_its_value()
    {
        var store = ParameterStore.Default;
        Reforms.Sample(changes =>
        {
            using var folder = new PopulationCorruptionPropertyTests.TempFolder();
            var path = folder.Path("reform.json");
            File.WriteAllText(path, ReformJson(changes).ToJsonString());
            var reformed = store.WithReform(Reform.Load(path));

            if (changes.Length == 1 && changes[0] is var c)
            {
                var name = Standards[c.Parameter];
                double before = store.Resolve(name, Date, c.Region).Value.Scalar;
                double after = reformed.Resolve(name, Date, c.Region).Value.Scalar;
                after.Should().BeApproximately(c.Kind switch { 0 => Amount(c), 1 => before * Amount(c), _ => before + Amount(c) }, 1e-9 * Math.Max(1, before));
            }

            Microsimulation.Run(Population.Value, Policies.Standard(), reformed, Date, new SimulationOptions { MaxDegreeOfParallelism = 1 }).PublicSpendingAnnual.Should().BeGreaterThanOrEqualTo(0);
        }, iter: 15);
    }

    [Fact]
    public void One_bad_field_or_a_truncated_or_missing_reform_is_rejected_naming_the_change_and_the_store_is_unchanged()
    {
        var store = ParameterStore.Default;
        var before = Standards.SelectMany(s => ReformRegions.Select(r => store.Resolve(s, Date, r).Value.Scalar)).ToArray();
        Gen.Select(Reforms, Gen.Enum<ReformCorruption>(), Gen.Int[0, int.MaxValue], Gen.Double[0, 1], Gen.Bool).Sample(sample =>
        {
            var (changes, corruption, seed, cut, missing) = sample;
            using var folder = new PopulationCorruptionPropertyTests.TempFolder();
            var path = folder.Path("reform.json");
            if (missing)
            {
                FluentActions.Invoking(() => Reform.Load(path)).Should().Throw<FileNotFoundException>().WithMessage($"*{path}*");
                return;
            }

            var json = ReformJson(changes);
            int i = seed % changes.Length;
            var change = json["changes"]![i]!.AsObject();
            string kind = KindName(changes[i].Kind);
            string name = Standards[changes[i].Parameter];
            var (validation, expected) = corruption switch
            {
                ReformCorruption.MisspeltParameter => (true, Set(change, "parameter", name[..^1], $"change {i} ({name[..^1]} in {changes[i].Region}): unknown parameter '{name[..^1]}' (did you mean '{name}'")),
                ReformCorruption.UnknownRegion => (true, Set(change, "region", "999999", $"change {i} ({name} in 999999): unknown region code '999999'")),
                ReformCorruption.NegativeScale => (true, Replace(change, kind, "scale", -1, $"change {i} ({name} in {changes[i].Region}): a scale factor must be finite and ≥ 0")),
                ReformCorruption.OutOfRange => (true, Replace(change, kind, "value", 1e9, $"change {i} ({name} in {changes[i].Region})")),
                ReformCorruption.TextAmount => (false, Set(change, kind, "abc", $"$.changes[{i}].{kind}")),
                ReformCorruption.BadDate => (false, Set(change, "from", "2023-13-01", $"$.changes[{i}].from")),
                ReformCorruption.UntilBeforeFrom => (true, Set(change, "until", "2022-12-31", $"change {i} ({name} in {changes[i].Region}): 'until' 2022-12-31 is before 'from'")),
                ReformCorruption.UnknownField => (false, Set(change, "colour", "red", $"$.changes[{i}].colour")),
                ReformCorruption.TwoKinds => (false, Set(change, kind == "add" ? "scale" : "add", 1, $"$.changes[{i}]")),
                _ => (false, "$"),
            };
            var text = json.ToJsonString();
            File.WriteAllText(path, corruption == ReformCorruption.Truncated ? text[..(int)(cut * (text.Length - 1))] : text);

            if (validation)
            {
                var reform = Reform.Load(path);
                var error = FluentActions.Invoking(() => store.WithReform(reform)).Should().Throw<ReformValidationException>().Which;
                error.Message.Should().StartWith($"Reform 'property test' (read from {path}; change i is $.changes[i] there) is invalid and was not applied").And.Contain(expected);
            }
            else
            {
                var error = FluentActions.Invoking(() => store.WithReform(Reform.Load(path))).Should().Throw<DataFormatException>().Which;
                error.Message.Should().StartWith($"{path} at ").And.Contain(expected);
            }

            Standards.SelectMany(s => ReformRegions.Select(r => store.Resolve(s, Date, r).Value.Scalar)).Should().Equal(before, "a rejected reform changes nothing");
        }, iter: 80);
    }

    private static string Name(int i) => $"proptest.p{i}.value";

    private static (DateOnly From, double Value)[] Values(ParameterSpec p)
    {
        var date = new DateOnly(2000, 1, 1);
        var result = new (DateOnly, double)[p.Gaps.Length];
        for (int i = 0; i < result.Length; i++)
        {
            date = date.AddDays(p.Gaps[i]);
            result[i] = (date, p.Money ? p.Min + (p.Fractions[i] * p.Span) : p.Fractions[i]);
        }

        return result;
    }

    private static JsonObject ParameterJson(ParameterFileSpec spec)
    {
        var parameters = new JsonObject();
        for (int i = 0; i < spec.Parameters.Length; i++)
        {
            var p = spec.Parameters[i];
            var values = new JsonArray();
            foreach (var ((from, value), tag) in Values(p).Zip(p.Tags))
            {
                values.Add(new JsonObject { ["from"] = from.ToString("yyyy-MM-dd"), ["value"] = value, ["provenance"] = "PNLDUI"[tag].ToString(), ["source"] = "property test" });
            }

            parameters[Name(i)] = new JsonObject
            {
                ["label"] = "A parameter of the property test",
                ["unit"] = p.Money ? "yuan" : "fraction",
                ["period"] = p.Money ? (p.Monthly ? "month" : "year") : "none",
                ["min"] = p.Money ? p.Min : 0,
                ["max"] = p.Money ? p.Min + p.Span : 1,
                ["values"] = values,
            };
        }

        parameters[DibaoProgram.StandardUrban] = new JsonObject
        {
            ["unit"] = "yuan",
            ["period"] = "year",
            ["values"] = new JsonArray(new JsonObject { ["from"] = new DateOnly(2023, 1, 1).AddDays(spec.DibaoDay).ToString("yyyy-MM-dd"), ["value"] = spec.DibaoValue, ["provenance"] = "I", ["source"] = "property test (illustrative)" }),
        };
        return new JsonObject { ["authority"] = "property test", ["region"] = spec.Region, ["description"] = "Generated", ["parameters"] = parameters };
    }

    private static double Amount(ChangeSpec c) => c.Kind switch { 0 => 1_000 + (19_000 * c.Fraction), 1 => 0.5 + c.Fraction, _ => -200 + (700 * c.Fraction) };

    private static string KindName(int kind) => kind switch { 0 => "value", 1 => "scale", _ => "add" };

    private static JsonObject ReformJson(ChangeSpec[] changes)
    {
        var array = new JsonArray();
        foreach (var c in changes)
        {
            array.Add(new JsonObject
            {
                ["parameter"] = Standards[c.Parameter],
                ["region"] = c.Region,
                ["from"] = new DateOnly(2023, 1, 1).AddDays(c.Day).ToString("yyyy-MM-dd"),
                [KindName(c.Kind)] = Amount(c),
                ["note"] = "property test",
            });
        }

        return new JsonObject { ["name"] = "property test", ["description"] = "Generated", ["changes"] = array };
    }

    private static string Set(JsonNode node, string property, JsonNode value, string expected)
    {
        node.AsObject()[property] = value;
        return expected;
    }

    private static string Remove(JsonNode node, string property, string expected)
    {
        node.AsObject().Remove(property);
        return expected;
    }

    private static string Replace(JsonObject change, string oldKind, string newKind, double amount, string expected)
    {
        change.Remove(oldKind);
        change[newKind] = amount;
        return expected;
    }
}
