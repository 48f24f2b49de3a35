using System.Globalization;
using Parquet;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Tests.Programs.Pensions;

namespace SocialSecurity.Modeling.Tests.Projection;

/// <summary>A projection written as Parquet, and per-person panels streamed to disk year by year (docs/projection.md#outputs).</summary>
public sealed class ProjectionOutputFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("projection-output-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ProjectionOptions Options => new() { StartYear = 2025, EndYear = 2028, Replicates = 3, Seed = 5 };

    [Fact]
    public async Task The_per_year_table_read_back_from_parquet_equals_the_rows_in_memory_and_the_summary_their_mean_and_interval()
    {
        var result = Projector.Run(SyntheticEmployeePopulation.Build(120, 4), PensionPolicies.EmployeePensionOnly(), ParameterStore.Default, Options);
        result.WriteParquet(_directory);

        var years = await ReadAsync(Path.Combine(_directory, "projection_years.parquet"));
        years["year"].Should().HaveCount(4 * 3);
        for (int r = 0; r < result.Rows.Count; r++)
        {
            var row = result.Rows[r];
            years["year"][r].Should().Be((long)row.Year);
            years["replicate"][r].Should().Be((long)row.Replicate);
            foreach (var indicator in ProjectionIndicators.All)
            {
                // Bit for bit (NaN where the policy produces no such indicator).
                BitConverter.DoubleToInt64Bits((double)years[indicator][r]!).Should().Be(BitConverter.DoubleToInt64Bits(row[indicator]), "{0} in {1}, replicate {2}", indicator, row.Year, row.Replicate);
            }
        }

        result.Rows.Select(r => r[ProjectionIndicators.FundReserve]).Should().OnlyContain(v => !double.IsNaN(v), "the fund is simulated, so the check compares real numbers");

        var summary = await ReadAsync(Path.Combine(_directory, "projection_summary.parquet"));
        summary["year"].Should().HaveCount(4 * ProjectionIndicators.All.Count);
        int reserveRows = 0;
        for (int i = 0; i < summary["year"].Count; i++)
        {
            if ((string)summary["indicator"][i]! != ProjectionIndicators.FundReserve)
            {
                continue;
            }

            // Independent of Summary(): the three replicates' values, their mean, and with three values the 2.5% and
            // 97.5% quantiles interpolate between the sorted values at positions 0.05 and 1.95.
            int year = (int)(long)summary["year"][i]!;
            var v = result.Rows.Where(r => r.Year == year).Select(r => r[ProjectionIndicators.FundReserve]).Order().ToArray();
            ((double)summary["mean"][i]!).Should().BeApproximately((v[0] + v[1] + v[2]) / 3, 1e-9 * Math.Abs(v[0]));
            ((double)summary["lower_95"][i]!).Should().BeApproximately(v[0] + (0.05 * (v[1] - v[0])), 1e-9 * Math.Abs(v[0]));
            ((double)summary["upper_95"][i]!).Should().BeApproximately(v[1] + (0.95 * (v[2] - v[1])), 1e-9 * Math.Abs(v[0]));
            reserveRows++;
        }

        reserveRows.Should().Be(4);

        var ageSex = await ReadAsync(Path.Combine(_directory, "projection_age_sex.parquet"));
        ageSex["year"].Should().HaveCount(4 * 3 * 121 * 2);
        var row2027 = result.Row(2027, 2);
        for (int i = 0; i < ageSex["year"].Count; i++)
        {
            if ((long)ageSex["year"][i]! == 2027 && (long)ageSex["replicate"][i]! == 2)
            {
                int age = (int)(long)ageSex["age"][i]!;
                double expected = (string)ageSex["sex"][i]! == "female" ? row2027.FemalesByAge[age] : row2027.MalesByAge[age];
                ((double)ageSex["persons"][i]!).Should().Be(expected);
            }
        }

        Directory.GetFiles(_directory, "*.partial").Should().BeEmpty();
    }

    [Fact]
    public async Task A_parquet_panel_has_one_row_group_per_year_and_replicate_and_one_row_per_person_of_each_year()
    {
        string path = Path.Combine(_directory, "panel.parquet");
        var balances2027 = new Dictionary<long, double>();
        ProjectionResult result;
        using (var panel = new ProjectionPanelWriter(path, [EmployeePensionNames.Columns.AccountBalance, EmployeePensionProgram.Benefit.Name]))
        {
            result = Projector.Run(SyntheticEmployeePopulation.Build(120, 4), PensionPolicies.EmployeePensionOnly(), ParameterStore.Default, Options with
            {
                OnYear = y =>
                {
                    panel.Append(y);
                    if (y.Year == 2027 && y.Replicate == 1)
                    {
                        var ids = y.Result.Population.PersonId;
                        var balance = y.Result.Population.ExtraPersonColumn(EmployeePensionNames.Columns.AccountBalance);
                        for (int p = 0; p < ids.Length; p++)
                        {
                            balances2027[ids[p]] = balance[p];
                        }
                    }
                },
            });
            panel.Complete();
        }

        // Every household of this population has weight 100, so each year's persons are its weighted persons ÷ 100.
        long expectedRows = result.Rows.Sum(r => (long)Math.Round(r[ProjectionIndicators.Persons] / 100));
        expectedRows.Should().BeGreaterThan(4 * 3 * 120);

        await using var reader = await ParquetReader.CreateAsync(path);
        reader.RowGroupCount.Should().Be(4 * 3, "one row group per year and replicate");
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name);
        fields.Keys.Should().Equal("year", "replicate", "person_id", "household_id", "weight", "age", "sex", EmployeePensionNames.Columns.AccountBalance, EmployeePensionProgram.Benefit.Name);
        long rows = 0;
        int checkedBalances = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = (int)group.RowCount;
            var row = result.Rows[g];
            n.Should().Be((int)Math.Round(row[ProjectionIndicators.Persons] / 100), "row group {0} holds {1}'s persons of replicate {2}", g, row.Year, row.Replicate);
            var year = new long[n];
            var replicate = new long[n];
            await group.ReadAsync(fields["year"], year.AsMemory());
            await group.ReadAsync(fields["replicate"], replicate.AsMemory());
            year.Should().OnlyContain(y => y == row.Year);
            replicate.Should().OnlyContain(r => r == row.Replicate);
            if (row.Year == 2027 && row.Replicate == 1)
            {
                var ids = new long[n];
                var balance = new double[n];
                await group.ReadAsync(fields["person_id"], ids.AsMemory());
                await group.ReadAsync(fields[EmployeePensionNames.Columns.AccountBalance], balance.AsMemory());
                for (int p = 0; p < n; p++)
                {
                    balance[p].Should().Be(balances2027[ids[p]]);
                    checkedBalances++;
                }
            }

            rows += n;
        }

        rows.Should().Be(expectedRows);
        checkedBalances.Should().Be(balances2027.Count);
        File.Exists(path + ".partial").Should().BeFalse();
    }

    [Fact]
    public void A_panel_is_on_disk_as_each_year_ends_and_the_writer_keeps_no_earlier_year()
    {
        string path = Path.Combine(_directory, "panel.csv");
        var sizes = new List<long>();
        var written = new List<long>();
        var persons = new List<long>();
        var results = new List<WeakReference>();
        var earlierAlive = new List<bool>();
        using (var panel = new ProjectionPanelWriter(path, [EmployeePensionNames.Columns.ContributionYears]))
        {
            Projector.Run(SyntheticEmployeePopulation.Build(120, 4), PensionPolicies.EmployeePensionOnly(), ParameterStore.Default, Options with
            {
                Replicates = 1,
                EndYear = 2030,
                OnYear = y =>
                {
                    panel.Append(y);
                    persons.Add(y.Result.Population.PersonCount);
                    written.Add(panel.RowsWritten);
                    sizes.Add(new FileInfo(path + ".partial").Length);
                    results.Add(new WeakReference(y.Result));
                    if (results.Count >= 3)
                    {
                        GC.Collect();
                        GC.WaitForPendingFinalizers();
                        GC.Collect();
                        earlierAlive.Add(results[^3].IsAlive);
                    }
                },
            });
            panel.Complete();
        }

        // Rows reach the file while the projection runs: after each year the file has grown by that year's persons.
        for (int i = 0; i < persons.Count; i++)
        {
            written[i].Should().Be(persons.Take(i + 1).Sum());
            if (i > 0)
            {
                sizes[i].Should().BeGreaterThan(sizes[i - 1]);
            }
        }

        // No earlier year's result is kept alive by the writer (or the projection): only the current year is held.
        earlierAlive.Should().HaveCount(4).And.OnlyContain(alive => !alive);

        var lines = File.ReadAllLines(path);
        lines[0].Should().Be("year,replicate,person_id,household_id,weight,age,sex," + EmployeePensionNames.Columns.ContributionYears);
        lines.Length.Should().Be(1 + (int)persons.Sum());
        lines.Skip(1).Select(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).Should().BeInAscendingOrder().And.OnlyContain(y => y >= 2025 && y <= 2030);
    }

    [Fact]
    public void A_panel_column_that_is_neither_a_person_variable_nor_a_person_column_is_named_and_the_file_is_not_left()
    {
        string path = Path.Combine(_directory, "bad.parquet");
        var act = () =>
        {
            using var panel = new ProjectionPanelWriter(path, ["no.such_column"]);
            Projector.Run(SyntheticEmployeePopulation.Build(20, 4), PensionPolicies.EmployeePensionOnly(), ParameterStore.Default, Options with { OnYear = panel.Append });
            panel.Complete();
        };
        act.Should().Throw<ArgumentException>().WithMessage("*'no.such_column'*");
        Directory.GetFiles(_directory).Should().BeEmpty();
        FluentActions.Invoking(() => new ProjectionPanelWriter(path, ["age"])).Should().Throw<ArgumentException>().WithMessage("*'age'*twice*");
    }

    private static async Task<Dictionary<string, List<object?>>> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var columns = reader.Schema.GetDataFields().ToDictionary(f => f.Name, _ => new List<object?>());
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = (int)group.RowCount;
            foreach (var field in reader.Schema.GetDataFields())
            {
                IEnumerable<object?> values;
                if (field.ClrType == typeof(long))
                {
                    var data = new long[n];
                    await group.ReadAsync(field, data.AsMemory());
                    values = data.Cast<object?>();
                }
                else if (field.ClrType == typeof(double))
                {
                    var data = new double[n];
                    await group.ReadAsync(field, data.AsMemory());
                    values = data.Cast<object?>();
                }
                else if (field.ClrType == typeof(string))
                {
                    var data = new string?[n];
                    await group.ReadAsync(field, data.AsMemory());
                    values = data;
                }
                else
                {
                    var data = new ReadOnlyMemory<char>[n];
                    await group.ReadAsync(field, data.AsMemory());
                    values = data.Select(d => (object?)d.ToString());
                }

                columns[field.Name].AddRange(values);
            }
        }

        return columns;
    }
}
