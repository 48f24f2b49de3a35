using System.Globalization;
using System.Text;
using System.Text.Json;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Simulation;

namespace ProvincialComparison;

/// <summary>Prints the comparison table and writes it as JSON and CSV.</summary>
internal static class Report
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Print(IReadOnlyList<ScenarioMetrics> rows, IReadOnlyList<HealthMetrics> health, IReadOnlyCollection<string> illustrative)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(C, $"{"province / scenario",-48} {"mean inc.",10} {"Gini",7} {"poverty",8} {"gap",7} {"<dibao",7} {"<4000",7} {"U/R",6} {"middle",7} {"dibao cov.",10} {"elig. cov.",10} {"dibao cost",11} {"income tax",11} {"SI contr.",11} {"net cost",10} {"CPI [I]",8}"));
        Console.WriteLine(string.Create(C, $"{string.Empty,-48} {"yuan/yr",10} {string.Empty,7} {"60% med",8} {"FGT(1)",7} {"std.",7} {"yuan",7} {"ratio",6} {"share",7} {"households",10} {"[I]",10} {"bn yuan/yr",11} {"bn yuan/yr",11} {"bn yuan/yr",11} {"bn yuan",10} {string.Empty,8}"));
        Console.WriteLine(new string('-', 194));
        ScenarioMetrics? baseline = null;
        foreach (var row in rows)
        {
            if (row.Scenario == "baseline")
            {
                baseline = row;
                Console.WriteLine(string.Create(C, $"{row.Province + ": baseline",-48} {row.MeanDisposable,10:N0} {row.Gini,7:0.0000} {row.PovertyRate,8:P2} {row.PovertyGap,7:0.0000} {row.PovertyRateDibaoStandard,7:P2} {row.PovertyRateNationalLine,7:P2} {row.UrbanRuralRatio,6:0.000} {row.MiddleIncomeShare,7:P1} {row.DibaoCoverage,10:P2} {row.DibaoEligibleCoverage,10:P1} {row.DibaoCostAnnual / 1e9,11:N3} {row.IncomeTaxAnnual / 1e9,11:N3} {row.ContributionsAnnual / 1e9,11:N3} {"",10} {row.CommonProsperityIndex,8:0.0000}"));
                continue;
            }

            var b = baseline!;
            Console.WriteLine(string.Create(C, $"{"  " + row.Scenario,-48} {Delta(row.MeanDisposable - b.MeanDisposable, "N1"),10} {Delta(row.Gini - b.Gini, "0.0000"),7} {DeltaPoints(row.PovertyRate - b.PovertyRate),8} {Delta(row.PovertyGap - b.PovertyGap, "0.0000"),7} {DeltaPoints(row.PovertyRateDibaoStandard - b.PovertyRateDibaoStandard),7} {DeltaPoints(row.PovertyRateNationalLine - b.PovertyRateNationalLine),7} {Delta(row.UrbanRuralRatio - b.UrbanRuralRatio, "0.000"),6} {DeltaPoints(row.MiddleIncomeShare - b.MiddleIncomeShare),7} {DeltaPoints(row.DibaoCoverage - b.DibaoCoverage),10} {DeltaPoints(row.DibaoEligibleCoverage - b.DibaoEligibleCoverage),10} {Delta((row.DibaoCostAnnual - b.DibaoCostAnnual) / 1e9, "N3"),11} {Delta((row.IncomeTaxAnnual - b.IncomeTaxAnnual) / 1e9, "N3"),11} {Delta((row.ContributionsAnnual - b.ContributionsAnnual) / 1e9, "N3"),11} {row.NetFiscalCostAnnual / 1e9,10:N3} {Delta(row.CommonProsperityIndex - b.CommonProsperityIndex, "0.0000"),8}"));
        }

        Console.WriteLine();
        Console.WriteLine("Reform rows show the change against the province's baseline (percentage points for shares).");
        Console.WriteLine("Poverty: share of persons below 60% of the baseline median (x < z, laeken median), and the poverty gap FGT(1); the line is held fixed for reforms.");
        Console.WriteLine("<dibao std.: share of persons below their household's dibao standard (region and area, baseline values): the line dibao reforms act on.");
        Console.WriteLine("<4000 yuan: share below the national rural poverty standard of about 4,000 yuan a year (2,300 at 2010 prices, 2020 level) [D].");
        Console.WriteLine("CPI: entropy-weight TOPSIS over the four baselines (docs/indicators.md#common-prosperity-index) — an ILLUSTRATIVE method [I], not the index the study cites.");
        Console.WriteLine("Dibao coverage: share of households receiving; elig. cov.: share of truly eligible households receiving, after take-up and exclusion errors whose rates are [I].");
        Console.WriteLine("Income tax and SI contr.: individual income tax and social-insurance contributions (employee and employer) collected, as public revenue.");
        Console.WriteLine("Net cost: change in annual public spending on the simulated programs (dibao, supplements, subsidies, insurance benefits) minus the change in revenue.");
        Console.WriteLine("Populations are synthetic with pre-tax, pre-transfer market incomes, calibrated AFTER simulating this baseline policy so that simulated");
        Console.WriteLine("disposable income meets the published means (and national income-group means); both pensions are simulated from [I] contribution");
        Console.WriteLine("histories (docs/baseline.md#contribution-histories); see the validation table and docs/baseline.md.");
        Console.WriteLine("Not in this table: Jiangsu's village-collective pension subsidy in Inner Mongolia. It credits pension accounts, so this");
        Console.WriteLine("year's incomes do not change; its lifetime value is in samples/PensionLifetime.");
        PrintHealth(health);
        if (illustrative.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"ILLUSTRATIVE parameter values [I] used (not facts; replace them with real rules before drawing conclusions):");
            foreach (var line in illustrative)
            {
                Console.WriteLine("  [I] " + line);
            }
        }
    }

    private static void PrintHealth(IReadOnlyList<HealthMetrics> health)
    {
        Console.WriteLine();
        Console.WriteLine("Financial protection against medical bills (bills drawn from an ILLUSTRATIVE spending model [I]; Monte Carlo mean and 95% interval over replicates)");
        Console.WriteLine(string.Create(C, $"{"province / scenario",-48} {"CHE 40% CTP",12} {"95% interval",19} {"mean OOP",10} {"public paid",12} {"net cost",10}"));
        Console.WriteLine(string.Create(C, $"{string.Empty,-48} {"households",12} {string.Empty,19} {"yuan/hh/yr",10} {"yuan/hh/yr",12} {"bn yuan",10}"));
        Console.WriteLine(new string('-', 116));
        HealthMetrics? baseline = null;
        foreach (var row in health)
        {
            if (row.Scenario == "baseline")
            {
                baseline = row;
                Console.WriteLine(string.Create(C, $"{row.Province + ": baseline",-48} {row.CatastrophicShare,12:P2} {$"{row.CatastrophicShareLower:P2} to {row.CatastrophicShareUpper:P2}",19} {row.MeanOutOfPocket,10:N0} {row.MeanPublicPayment,12:N0} {"",10}"));
                continue;
            }

            var b = baseline!;
            Console.WriteLine(string.Create(C, $"{"  " + row.Scenario,-48} {DeltaPoints(row.CatastrophicShare - b.CatastrophicShare),12} {$"{row.CatastrophicShareLower:P2} to {row.CatastrophicShareUpper:P2}",19} {Delta(row.MeanOutOfPocket - b.MeanOutOfPocket, "N1"),10} {Delta(row.MeanPublicPayment - b.MeanPublicPayment, "N1"),12} {row.NetFiscalCostAnnual / 1e9,10:N3}"));
        }

        Console.WriteLine("CHE: out-of-pocket spending > 40% of capacity to pay (income − household size × dibao standard [I]). The cap reaches households the");
        Console.WriteLine("targeted dibao of the same run found (dibao → K for dibao, marginal → K for marginal); Hangzhou's K values and their mapping are [I].");
        Console.WriteLine("The dibao reform's row counts medical payments only: households it brings onto dibao get medical assistance (and the cap where one");
        Console.WriteLine("exists), so out-of-pocket spending falls; its CHE share rises because the capacity-to-pay line is the dibao standard the reform raises.");
    }

    public static void PrintValidation(IReadOnlyList<ValidationRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("Validation of the baselines: published against simulated (targets are calibrated to; checks never are)");
        Console.WriteLine(string.Create(C, $"{"region",-8} {"statistic",-36} {"kind",-6} {"year",4} {"tag",3} {"published",16} {"simulated",16} {"rel. error",10} {"tolerance",9} {"status",-13}"));
        Console.WriteLine(new string('-', 131));
        foreach (var r in rows)
        {
            string name = r.Name.Length > 36 ? r.Name[..36] : r.Name;
            Console.WriteLine(string.Create(C, $"{r.Region,-8} {name,-36} {r.Kind,-6} {r.Year,4} {"[" + r.Provenance.Tag() + "]",3} {r.Published,16:#,0.####} {(double.IsNaN(r.Simulated) ? "—" : r.Simulated.ToString("#,0.####", C)),16} {(double.IsNaN(r.Simulated) || r.Unit == "order" ? "" : Math.Round(r.RelativeError, 3).ToString("+0.0%;-0.0%;0.0%", C)),10} {r.ToleranceText,9} {StatusText(r.Status),-13}"));
            if (r.Unit == "order")
            {
                Console.WriteLine($"           {r.Name}");
            }

            if (r.Driver.Length > 0)
            {
                Console.WriteLine($"           driver: {r.Driver}");
            }

            if (r.Sensitivity.Length > 0)
            {
                Console.WriteLine($"           varied: {r.Sensitivity}");
            }
        }

        Console.WriteLine("Tolerances: totals, shares and means 1%; income-group means 3%; median 3%; dibao caseload 15%; Gini 0.01; the study's figures 10% (the order exactly).");
    }

    private static string StatusText(ValidationStatus status) => status switch
    {
        ValidationStatus.Met => "met",
        ValidationStatus.Missed => "MISSED",
        ValidationStatus.NotPublished => "not published",
        _ => "not simulated",
    };

    public static void Write(string folder, IReadOnlyList<ScenarioMetrics> rows, IReadOnlyList<HealthMetrics> health, IReadOnlyCollection<string> illustrative, IReadOnlyList<ValidationRow> validation)
    {
        Directory.CreateDirectory(folder);
        var json = new
        {
            note = "Indicators on household per-capita disposable income, persons weighted. Values tagged [I] are illustrative defaults, not facts: dibao targeting rates, asset tests, several dibao standards, the medical spending model and the household-cap mapping.",
            illustrativeParameters = illustrative,
            validation = validation.Select(v => new { v.Region, v.Name, Kind = v.Kind.ToString(), v.Published, v.Simulated, v.Unit, v.Year, Provenance = v.Provenance.Tag(), v.Source, v.RelativeError, v.Tolerance, v.RelativeTolerance, Status = v.Status.ToString(), v.Driver, v.Sensitivity }),
            rows,
            health,
        };
        File.WriteAllText(Path.Combine(folder, "results.json"), JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        var csv = new StringBuilder("province,scenario,mean_disposable_income_annual,gini,poverty_rate,poverty_gap_fgt1,poverty_line_annual,poverty_rate_dibao_standard,poverty_gap_dibao_standard,poverty_rate_national_line,national_line_annual,urban_rural_ratio,middle_income_share,dibao_coverage_households,dibao_eligible_coverage_illustrative,dibao_exclusion_rate_illustrative,dibao_cost_annual,income_tax_annual,social_insurance_contributions_annual,net_fiscal_cost_annual,common_prosperity_index_illustrative\n");
        foreach (var r in rows)
        {
            csv.AppendLine(string.Create(C, $"{Quote(r.Province)},{Quote(r.Scenario)},{r.MeanDisposable:R},{r.Gini:R},{r.PovertyRate:R},{r.PovertyGap:R},{r.PovertyLine:R},{r.PovertyRateDibaoStandard:R},{r.PovertyGapDibaoStandard:R},{r.PovertyRateNationalLine:R},{r.NationalLine:R},{r.UrbanRuralRatio:R},{r.MiddleIncomeShare:R},{r.DibaoCoverage:R},{r.DibaoEligibleCoverage:R},{r.DibaoExclusionRate:R},{r.DibaoCostAnnual:R},{r.IncomeTaxAnnual:R},{r.ContributionsAnnual:R},{r.NetFiscalCostAnnual:R},{r.CommonProsperityIndex:R}"));
        }

        File.WriteAllText(Path.Combine(folder, "results.csv"), csv.ToString());
        var validationCsv = new StringBuilder("region,statistic,kind,year,provenance,published,simulated,relative_error,tolerance,tolerance_is_relative,status,source,driver,sensitivity\n");
        foreach (var v in validation)
        {
            validationCsv.AppendLine(string.Create(C, $"{Quote(v.Region)},{Quote(v.Name)},{v.Kind},{v.Year},{v.Provenance.Tag()},{v.Published:R},{v.Simulated:R},{v.RelativeError:R},{v.Tolerance:R},{v.RelativeTolerance},{v.Status},{Quote(v.Source)},{Quote(v.Driver)},{Quote(v.Sensitivity)}"));
        }

        File.WriteAllText(Path.Combine(folder, "validation.csv"), validationCsv.ToString());
        var healthCsv = new StringBuilder("province,scenario,catastrophic_share_ctp40_illustrative_model,catastrophic_share_lower,catastrophic_share_upper,mean_out_of_pocket_annual,mean_public_payment_annual,net_fiscal_cost_annual\n");
        foreach (var r in health)
        {
            healthCsv.AppendLine(string.Create(C, $"{Quote(r.Province)},{Quote(r.Scenario)},{r.CatastrophicShare:R},{r.CatastrophicShareLower:R},{r.CatastrophicShareUpper:R},{r.MeanOutOfPocket:R},{r.MeanPublicPayment:R},{r.NetFiscalCostAnnual:R}"));
        }

        File.WriteAllText(Path.Combine(folder, "health.csv"), healthCsv.ToString());
    }

    // A change that rounds to zero prints unsigned ("0.00pp"), never "-0.00pp" or "+0.00pp".
    private static string Delta(double value, string format) => Signed(value.ToString(format, C));

    private static string DeltaPoints(double value) => Signed((value * 100).ToString("0.00", C)) + "pp";

    private static string Signed(string text) =>
        text.TrimStart('-').All(ch => ch is '0' or '.' or ',') ? text.TrimStart('-') : text.StartsWith('-') ? text : "+" + text;

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
