using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Tax;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Programs.Tax;

/// <summary>
/// The income tax reads the author's remuneration and royalties only when they are not the shared arrays of zeros
/// (docs/architecture.md#rule-kernels): the same population read from a file with those columns as ordinary arrays of
/// zeros and without them (the shared arrays) gives the same outputs, bit for bit.
/// </summary>
public class IncomeTaxZeroColumnsTests
{
    [Fact]
    public void Skipping_the_known_zero_columns_changes_no_bit_of_the_income_tax()
    {
        var date = new DateOnly(2023, 6, 30);
        var synthetic = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 4_000 });
        string dir = Path.Combine(Path.GetTempPath(), "income-tax-zero-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string h = Path.Combine(dir, "h.csv"), written = Path.Combine(dir, "written.csv"), p = Path.Combine(dir, "p.csv"), stripped = Path.Combine(dir, "p-stripped.csv");
            PopulationCsv.Write(synthetic, h, written);

            // The built-in columns only (extra columns would need a mapping), then the same without the two columns:
            // the reader gives absent columns as the shared arrays of zeros.
            var lines = File.ReadAllLines(written);
            var header = lines[0].Split(',');
            void Keep(string path, Func<string, bool> column)
            {
                int[] keep = [.. Enumerable.Range(0, header.Length).Where(i => !header[i].Contains('.', StringComparison.Ordinal) && column(header[i]))];
                File.WriteAllLines(path, lines.Select(line => string.Join(',', keep.Select(i => line.Split(',')[i]))));
            }

            header.Should().Contain(["author_remuneration_annual", "royalties_annual"]);
            Keep(p, _ => true);
            Keep(stripped, c => c is not ("author_remuneration_annual" or "royalties_annual"));

            var read = PopulationCsv.Read(h, p);
            var shared = PopulationCsv.Read(h, stripped);
            read.IsAllZero(PopulationSchema.AuthorRemuneration).Should().BeFalse("the column read back is an ordinary array");
            shared.IsAllZero(PopulationSchema.AuthorRemuneration).Should().BeTrue("an absent column is the shared array of zeros");
            shared.IsAllZero(PopulationSchema.Royalties).Should().BeTrue();

            using var a = Microsimulation.Run(shared, Policies.Standard(), ParameterStore.Default, date);
            using var b = Microsimulation.Run(read, Policies.Standard(), ParameterStore.Default, date);
            var outputs = new[] { IncomeTaxProgram.TaxableComprehensive, IncomeTaxProgram.ComprehensiveTax, IncomeTaxProgram.BonusTax, IncomeTaxProgram.BusinessTax, IncomeTaxProgram.PropertyTax, IncomeTaxProgram.Total };
            foreach (var output in outputs)
            {
                var x = a.Values(output.Name).ToArray();
                var y = b.Values(output.Name).ToArray();
                x.Select(BitConverter.DoubleToInt64Bits).Should().Equal(y.Select(BitConverter.DoubleToInt64Bits), output.Name);
            }

            a.Values(IncomeTaxProgram.Total.Name).ToArray().Count(v => v > 0).Should().BeGreaterThan(100, "the population has taxpayers");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
