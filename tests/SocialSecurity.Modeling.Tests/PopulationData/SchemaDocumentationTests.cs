using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>
/// docs/schema.md documents each income-chain column in a table row (name, file field, type and storage, unit, period,
/// range with the canonical code names, role, meaning); the row must say what the declaration says.
/// </summary>
public class SchemaDocumentationTests
{
    public static TheoryData<string> IncomeChainColumns()
    {
        var data = new TheoryData<string>();
        foreach (var column in new[]
        {
            PopulationSchema.ChildrenInEducation, PopulationSchema.ChildrenUnder3, PopulationSchema.Housing, PopulationSchema.City, PopulationSchema.WorkInjuryDeaths,
        })
        {
            data.Add(column.Name);
        }

        // The person columns from labour remuneration on, in declaration order.
        foreach (var column in PopulationSchema.PersonColumns.SkipWhile(c => !ReferenceEquals(c, PopulationSchema.LabourRemuneration)))
        {
            data.Add(column.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IncomeChainColumns))]
    public void Each_income_chain_column_has_a_row_in_the_schema_documentation_matching_its_declaration(string name)
    {
        var column = PopulationSchema.Find(name)!;
        var rows = File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "schema.md"))
            .Where(line => line.StartsWith($"| `{name}` |", StringComparison.Ordinal))
            .ToArray();
        rows.Should().ContainSingle($"docs/schema.md documents '{name}' in one table row");
        var cells = rows[0].Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        cells.Should().HaveCount(8, "name, file field, type (storage), unit, period, range, role, meaning");

        cells[1].Should().Be($"`{PopulationSchema.FieldName(column)}`");
        cells[2].Should().Be($"{column.Type.ToString().ToLowerInvariant()} ({column.Storage.ToString().ToLowerInvariant()})");
        cells[3].Should().Be(column.Unit);
        cells[4].Should().Be(column.Period.ToString().ToLowerInvariant());
        cells[6].Should().Be(column.Role == IncomeRole.MarketIncome ? "market income" : column.Role.ToString().ToLowerInvariant());
        cells[7].Should().NotBeEmpty();
        if (column.Type == ColumnType.Code)
        {
            cells[5].Should().Be(string.Join(", ", column.Codes.Select(c => $"`{c.Name}` {c.Value}")), "every code with its canonical name");
        }
        else if (column.Type == ColumnType.Count || (column.Type == ColumnType.Quantity && double.IsFinite(column.Maximum)))
        {
            cells[5].Should().Be($"{column.Minimum}–{column.Maximum}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialSecurity.Modeling.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SocialSecurity.Modeling.sln not found above " + AppContext.BaseDirectory + "; the documentation tests run from a clone of the repository.");
    }
}
