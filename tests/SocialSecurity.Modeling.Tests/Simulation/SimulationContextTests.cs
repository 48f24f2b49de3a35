using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Programs.Tax;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Simulation;

/// <summary>
/// A <see cref="SimulationContext"/> reuses output columns, prepared parameters and the household income of the
/// means tests between runs; none of it may change a result. Every comparison is bit for bit, against runs on fresh
/// columns made the way the engine made them before run contexts existed (one zeroed table, each program over whole
/// blocks in policy order).
/// </summary>
public class SimulationContextTests
{
    private static readonly DateOnly Date = new(2024, 6, 30);

    private static readonly Population Zhejiang = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 6_000, Seed = 11 });

    private static readonly ParameterStore DibaoReform = ParameterStore.Default.WithReform(Reform.Create("dibao +25%")
        .Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.25)
        .Scale(DibaoProgram.StandardRural, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.25));

    private static readonly ParameterStore TaxReform = ParameterStore.Default.WithReform(Reform.Create("basic deduction 90,000")
        .Set(IncomeTaxProgram.BasicDeduction, RegionCodes.China, new DateOnly(2024, 1, 1), 7_500));

    public static TheoryData<string> Packages => ["standard", "targeted"];

    [Theory]
    [MemberData(nameof(Packages))]
    public void Context_runs_equal_runs_on_fresh_columns_across_reforms_in_any_order(string package)
    {
        var policy = Package(package);
        var stores = new[] { ParameterStore.Default, DibaoReform, TaxReform };
        var expected = stores.Select(s => Fresh(Zhejiang, policy, s)).ToArray();

        // The reforms change results (else the comparisons below could not fail).
        Differing(expected[0], expected[1]).Should().Contain(DibaoProgram.Benefit.Name);
        Differing(expected[0], expected[2]).Should().Contain(IncomeTaxProgram.Total.Name);

        var context = new SimulationContext(Zhejiang, policy);
        foreach (int s in new[] { 0, 1, 2, 0, 2, 1, 0 })
        {
            using var result = context.Run(stores[s], Date);
            Differing(expected[s], Columns(result)).Should().BeEmpty($"run {s} on reused columns must equal a fresh run");
        }

        // The one-shot run keeps a context of its own per population and policy: disposed results are reused there too.
        foreach (int s in new[] { 2, 0, 1, 0 })
        {
            using var result = Microsimulation.Run(Zhejiang, policy, stores[s], Date);
            Differing(expected[s], Columns(result)).Should().BeEmpty($"one-shot run {s} must equal a fresh run");
        }
    }

    /// <summary>The packages checked, the pensions among them: a program that says it writes every row must leave nothing of an earlier run.</summary>
    public static TheoryData<string> AllPackages => ["standard", "targeted", "pensions"];

    [Theory]
    [MemberData(nameof(AllPackages))]
    public void Nothing_of_an_earlier_run_leaks_into_the_next(string package)
    {
        var policy = Package(package);
        var population = PopulationFor(package);
        var expected = Fresh(population, policy, DibaoReform);
        var context = new SimulationContext(population, policy);
        var first = context.Run(ParameterStore.Default, Date);

        // Poison every output column before giving it back: a row a program does not write would keep the poison.
        // (Not the household income: it is the population's shared, read-only column, never rewritten.)
        foreach (var output in policy.Outputs.Where(o => o.Name != HouseholdIncomeProgram.Output.Name))
        {
            var values = first.Values(output.Name);
            MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(values), values.Length).Fill(double.NaN);
        }

        first.Dispose();
        using var second = context.Run(DibaoReform, Date);
        Differing(expected, Columns(second)).Should().BeEmpty();
    }

    [Fact]
    public void A_result_kept_alive_keeps_its_values_and_a_disposed_one_cannot_be_read()
    {
        var policy = Policies.Standard();
        var context = new SimulationContext(Zhejiang, policy);
        var baseline = context.Run(ParameterStore.Default, Date);
        var kept = Columns(baseline);
        using (var reform = context.Run(DibaoReform, Date))
        {
            Differing(kept, Columns(reform)).Should().Contain(DibaoProgram.Benefit.Name);
        }

        using (context.Run(TaxReform, Date))
        {
            Differing(kept, Columns(baseline)).Should().BeEmpty("the baseline was not disposed, so no run may write its columns");
        }

        baseline.Dispose();
        FluentActions.Invoking(() => baseline.AnnualTotal(DibaoProgram.Benefit.Name)).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => baseline.Values(DibaoProgram.Benefit.Name).Length).Should().Throw<ObjectDisposedException>();
        baseline.Dispose(); // twice is harmless
    }

    [Fact]
    public void Disposed_columns_are_reused_by_the_next_run()
    {
        var context = new SimulationContext(Zhejiang, Policies.Standard());
        var first = context.Run(ParameterStore.Default, Date);
        ref readonly double firstTax = ref MemoryMarshal.GetReference(first.Values(IncomeTaxProgram.Total.Name));
        first.Dispose();
        using var second = context.Run(TaxReform, Date);
        Unsafe.AreSame(ref Unsafe.AsRef(in firstTax), ref MemoryMarshal.GetReference(second.Values(IncomeTaxProgram.Total.Name))).Should().BeTrue();
    }

    [Fact]
    public void A_run_reusing_the_columns_of_a_rebuilt_populations_result_equals_a_fresh_run_and_releases_that_result()
    {
        var policy = Policies.Standard();
        var wages = Zhejiang.WagesAnnual.ToArray();
        for (int i = 0; i < wages.Length; i++)
        {
            wages[i] *= i % 3 == 0 ? 1.4 : 0.7;
        }

        var rebuilt = PopulationDerivation.With(Zhejiang, [(PopulationSchema.Wages, wages)]);
        var expected = Fresh(rebuilt, policy, ParameterStore.Default);

        // The wages change results (else the comparison below could not fail).
        Differing(Fresh(Zhejiang, policy, ParameterStore.Default), expected).Should().Contain(IncomeTaxProgram.Total.Name);

        var previous = Microsimulation.Run(Zhejiang, policy, ParameterStore.Default, Date);
        ref readonly double previousTax = ref MemoryMarshal.GetReference(previous.Values(IncomeTaxProgram.Total.Name));
        foreach (var output in policy.Outputs.Where(o => o.Name != HouseholdIncomeProgram.Output.Name))
        {
            var values = previous.Values(output.Name);
            MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(values), values.Length).Fill(double.NaN);
        }

        using var result = Microsimulation.RunReusing(rebuilt, policy, ParameterStore.Default, Date, previous);
        Unsafe.AreSame(ref Unsafe.AsRef(in previousTax), ref MemoryMarshal.GetReference(result.Values(IncomeTaxProgram.Total.Name))).Should().BeTrue("the columns are reused");
        result.Population.Should().BeSameAs(rebuilt);
        Differing(expected, Columns(result)).Should().BeEmpty("the reused columns read the rebuilt population's inputs and keep nothing of the earlier run");
        FluentActions.Invoking(() => previous.Values(IncomeTaxProgram.Total.Name).Length).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void A_run_after_an_income_change_equals_a_fresh_run()
    {
        var policy = Package("pensions");
        var (population, rebuilt) = WithOtherIncomes(PopulationFor("pensions"));
        var expected = Fresh(rebuilt, policy, ParameterStore.Default);
        Differing(Fresh(population, policy, ParameterStore.Default), expected).Should().Contain(IncomeTaxProgram.Total.Name, "the incomes change results");

        var previous = Microsimulation.Run(population, policy, ParameterStore.Default, Date);
        using var result = Microsimulation.RunAfterIncomeChange(rebuilt, policy, ParameterStore.Default, Date, previous);
        result.Population.Should().BeSameAs(rebuilt);
        Differing(expected, Columns(result)).Should().BeEmpty();
        FluentActions.Invoking(() => previous.Values(IncomeTaxProgram.Total.Name).Length).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void A_run_after_an_income_change_keeps_only_the_outputs_of_the_programs_that_read_no_income()
    {
        var policy = Package("pensions");
        var (population, rebuilt) = WithOtherIncomes(PopulationFor("pensions"));
        var expected = Fresh(rebuilt, policy, ParameterStore.Default);

        // Poison every output of the earlier run: the outputs kept (not computed again) are the ones still all NaN.
        var previous = Microsimulation.Run(population, policy, ParameterStore.Default, Date);
        Poison(previous, policy);
        using var result = Microsimulation.RunAfterIncomeChange(rebuilt, policy, ParameterStore.Default, Date, previous);
        var kept = policy.Programs.Where(p => p is EmployeePensionProgram or ResidentPensionProgram or UnemploymentInsuranceProgram or WorkInjuryDeathProgram).SelectMany(p => p.Outputs).Select(o => o.Name).Order(StringComparer.Ordinal);
        var columns = Columns(result);
        var poisoned = columns.Where(c => c.Value.All(double.IsNaN)).Select(c => c.Key).ToList();
        poisoned.Should().Contain(kept, "the two pensions, unemployment insurance and the work-death subsidy read ids, ages, places, spells and the history columns only");
        // Every other program that does not read a pension directly was computed again (its outputs are not all NaN).
        var independent = policy.Programs.Where(p => p is not (EmployeePensionProgram or ResidentPensionProgram or UnemploymentInsuranceProgram or WorkInjuryDeathProgram) && !p.Inputs.Any(kept.Contains)).SelectMany(p => p.Outputs).Select(o => o.Name);
        poisoned.Intersect(independent).Should().BeEmpty();

        // The programs before the first kept one in the policy read nothing kept: computed again, they are a fresh run's.
        var first = Array.FindIndex(policy.Programs.ToArray(), p => p is EmployeePensionProgram or ResidentPensionProgram or UnemploymentInsuranceProgram or WorkInjuryDeathProgram);
        var before = policy.Programs.Take(first).Where(p => !p.Inputs.Any(kept.Contains)).SelectMany(p => p.Outputs).Select(o => o.Name).ToList();
        before.Should().Contain(IncomeTaxProgram.Total.Name);
        Differing(expected, columns).Intersect(before).Should().BeEmpty();
    }

    [Fact]
    public void A_run_after_an_income_change_with_another_date_or_parameters_keeps_nothing()
    {
        var policy = Package("pensions");
        var (population, rebuilt) = WithOtherIncomes(PopulationFor("pensions"));
        var expected = Fresh(rebuilt, policy, ParameterStore.Default);

        var otherDate = Microsimulation.Run(population, policy, ParameterStore.Default, Date.AddDays(-1));
        Poison(otherDate, policy);
        using (var result = Microsimulation.RunAfterIncomeChange(rebuilt, policy, ParameterStore.Default, Date, otherDate))
        {
            Differing(expected, Columns(result)).Should().BeEmpty();
        }

        var otherParameters = Microsimulation.Run(population, policy, DibaoReform, Date);
        Poison(otherParameters, policy);
        using (var result = Microsimulation.RunAfterIncomeChange(rebuilt, policy, ParameterStore.Default, Date, otherParameters))
        {
            Differing(expected, Columns(result)).Should().BeEmpty();
        }
    }

    [Fact]
    public void The_household_income_of_the_means_tests_is_computed_once_per_population_and_shared()
    {
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Jiangsu, Persons = 2_000, Seed = 5 });
        var policy = Policy.Create(new DibaoProgram());
        var first = Microsimulation.Run(population, policy, ParameterStore.Default, Date);
        var second = new SimulationContext(population, policy).Run(DibaoReform, Date);
        var income = HouseholdIncomeProgram.Output.Name;
        Unsafe.AreSame(ref MemoryMarshal.GetReference(first.Values(income)), ref MemoryMarshal.GetReference(second.Values(income))).Should().BeTrue();

        // The shared column is the members' income summed (hand arithmetic over the input columns).
        var start = population.MemberStart;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            double sum = 0;
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                sum += population.WagesAnnual[p] + population.LabourRemunerationAnnual[p] + population.AuthorRemunerationAnnual[p] + population.RoyaltiesAnnual[p]
                    + population.BusinessIncomeAnnual[p] + population.PropertyIncomeAnnual[p] + population.PrivateTransfersAnnual[p] + population.PensionIncomeAnnual[p];
            }

            first.Values(income)[h].Should().BeApproximately(sum, 1e-6 * Math.Max(1, Math.Abs(sum)));
        }

        // Another population has its own column; an income that reads another program's output is never shared.
        var other = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Jiangsu, Persons = 2_000, Seed = 5 });
        var a = Microsimulation.Run(other, policy, ParameterStore.Default, Date);
        Unsafe.AreSame(ref MemoryMarshal.GetReference(a.Values(income)), ref MemoryMarshal.GetReference(first.Values(income))).Should().BeFalse();
        var simulated = Policy.Create(new SocialInsuranceContributionsProgram(), new DibaoProgram([IncomeTaxProgram.PensionContribution, InputVariables.Wages.Name]));
        var b = Microsimulation.Run(population, simulated, ParameterStore.Default, Date);
        var c = Microsimulation.Run(population, simulated, ParameterStore.Default, Date);
        Unsafe.AreSame(ref MemoryMarshal.GetReference(b.Values(income)), ref MemoryMarshal.GetReference(c.Values(income))).Should().BeFalse();
        b.Values(income).ToArray().Should().Equal(c.Values(income).ToArray());
    }

    [Fact]
    public void A_live_policy_keeps_no_population_it_ran_over()
    {
        var policy = Policies.Standard();
        var populations = RunOverFreshPopulations(policy, count: 6);
        Collect();
        populations.Count(p => p.TryGetTarget(out _)).Should().Be(0, "the one-shot runs' shared contexts must not keep dropped populations reachable through the live policy");
        GC.KeepAlive(policy);
    }

    [Fact]
    public void A_live_population_keeps_at_most_a_few_policies_it_ran()
    {
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Jiangsu, Persons = 1_000, Seed = 3 });
        var policies = RunFreshPolicies(population, count: 10);
        Collect();
        policies.Count(p => p.TryGetTarget(out _)).Should().BeLessThanOrEqualTo(4, "a population keeps the contexts of its four most recently run policies, no more");
        GC.KeepAlive(population);
    }

    [Fact]
    public void One_shot_runs_reuse_the_shared_context_while_it_is_among_the_most_recent()
    {
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Jiangsu, Persons = 1_000, Seed = 4 });
        var policy = Policy.Create(new DibaoProgram());
        var first = Microsimulation.Run(population, policy, ParameterStore.Default, Date);
        ref readonly double benefit = ref MemoryMarshal.GetReference(first.Values(DibaoProgram.Benefit.Name));
        first.Dispose();

        // Three other policies in between: the first is still among the four most recently used.
        for (int i = 0; i < 3; i++)
        {
            Microsimulation.Run(population, Policy.Create(new DibaoProgram()), ParameterStore.Default, Date).Dispose();
        }

        var second = Microsimulation.Run(population, policy, ParameterStore.Default, Date);
        Unsafe.AreSame(ref Unsafe.AsRef(in benefit), ref MemoryMarshal.GetReference(second.Values(DibaoProgram.Benefit.Name))).Should().BeTrue();
        ref readonly double again = ref MemoryMarshal.GetReference(second.Values(DibaoProgram.Benefit.Name));
        second.Dispose();

        // Four others: its context was dropped, so the next run takes fresh columns.
        for (int i = 0; i < 4; i++)
        {
            Microsimulation.Run(population, Policy.Create(new DibaoProgram()), ParameterStore.Default, Date).Dispose();
        }

        using var third = Microsimulation.Run(population, policy, ParameterStore.Default, Date);
        Unsafe.AreSame(ref Unsafe.AsRef(in again), ref MemoryMarshal.GetReference(third.Values(DibaoProgram.Benefit.Name))).Should().BeFalse();
    }

    [Fact]
    public void A_roll_that_is_its_eligibility_shares_the_column_and_a_targeted_roll_does_not()
    {
        using var plain = Microsimulation.Run(Zhejiang, Policy.Create(new DibaoProgram()), ParameterStore.Default, Date);
        Unsafe.AreSame(ref MemoryMarshal.GetReference(plain.Values(DibaoProgram.Eligible.Name)), ref MemoryMarshal.GetReference(plain.Values(DibaoProgram.OnRoll.Name)))
            .Should().BeTrue("run by its rule alone, the dibao roll is its eligibility: one column, written once");
        plain.Values(DibaoProgram.Eligible.Name).ToArray().Should().Contain(1.0);

        // Targeting rewrites the roll after take-up and errors: its own column, different from eligibility somewhere.
        using var targeted = Microsimulation.Run(Zhejiang, Policies.StandardWithTargeting(seed: 7), ParameterStore.Default, Date);
        Unsafe.AreSame(ref MemoryMarshal.GetReference(targeted.Values(DibaoProgram.Eligible.Name)), ref MemoryMarshal.GetReference(targeted.Values(DibaoProgram.OnRoll.Name))).Should().BeFalse();
        targeted.Values(DibaoProgram.Eligible.Name).SequenceEqual(targeted.Values(DibaoProgram.OnRoll.Name)).Should().BeFalse();
    }

    [Fact]
    public void A_negative_zero_income_sums_to_positive_zero_as_when_added_to_a_cleared_buffer()
    {
        // +0.0 + (−0.0 × 1) = +0.0: the means-test sum starts from +0.0, whether or not its buffer is cleared first.
        // Four couples (eight persons: the vector loop) and one single (the scalar tail); two members at −0.0 add to −0.0.
        var population = TestPopulations.Build(
            Enumerable.Range(1, 5).Select(h => new HouseholdRecord { Id = h, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban, Weight = 1 }),
            Enumerable.Range(0, 9).Select(i => new PersonRecord { Id = i + 1, HouseholdId = (i / 2) + 1, Age = 30 + i, WagesAnnual = -0.0 }));
        population.HouseholdCount.Should().Be(5);
        BitConverter.DoubleToInt64Bits(population.WagesAnnual[8]).Should().Be(BitConverter.DoubleToInt64Bits(-0.0), "the population keeps the sign of zero, else this test could not fail");
        using var result = Microsimulation.Run(population, Policy.Create(new DibaoProgram([InputVariables.Wages.Name])), ParameterStore.Default, Date); // wages alone: no later +0.0 column to hide the sign
        var income = result.Values(HouseholdIncomeProgram.Output.Name);
        for (int h = 0; h < 5; h++)
        {
            BitConverter.DoubleToInt64Bits(income[h]).Should().Be(0L, "household {0} ({1})", h, h < 4 ? "vector loop" : "scalar tail");
        }
    }

    [Fact]
    public void Results_do_not_depend_on_threads_or_block_size()
    {
        var policy = Policies.StandardWithTargeting();
        var expected = Fresh(Zhejiang, policy, ParameterStore.Default);
        foreach (var options in new[] { new SimulationOptions { MaxDegreeOfParallelism = 1, BlockSize = 1 }, new SimulationOptions { BlockSize = 333 }, new SimulationOptions { MaxDegreeOfParallelism = 2, BlockSize = 5_000 } })
        {
            var context = new SimulationContext(Zhejiang, policy, options);
            for (int i = 0; i < 2; i++)
            {
                using var result = context.Run(ParameterStore.Default, Date);
                Differing(expected, Columns(result)).Should().BeEmpty($"block size {options.BlockSize}, {options.MaxDegreeOfParallelism} thread(s), run {i + 1}");
            }
        }
    }

    [Fact]
    public void A_context_checks_its_options_and_the_population_when_it_is_made()
    {
        var policy = Policy.Create(new DibaoProgram());
        FluentActions.Invoking(() => new SimulationContext(Zhejiang, Policy.Create(new DibaoProgram(["no.such_column"])))).Should().Throw<ArgumentException>().WithMessage("*no.such_column*");
        FluentActions.Invoking(() => new SimulationContext(Zhejiang, policy, new SimulationOptions { BlockSize = 0 })).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void A_one_shot_run_over_another_population_takes_a_disposed_runs_columns_and_gives_a_fresh_runs_values(string package)
    {
        // Large enough for the columns to be pooled (ColumnPool.MinimumLength rows); its row counts are this test's alone.
        var policy = Package(package);
        var (population, rebuilt) = WithOtherIncomes(Large.Value);
        int persons = population.PersonCount, households = population.HouseholdCount;
        households.Should().BeGreaterThanOrEqualTo(ColumnPool.MinimumLength);
        var first = Microsimulation.Run(population, policy, ParameterStore.Default, Date);
        Poison(first, policy);
        first.Dispose();
        int keptPersons = ColumnPool.Kept(persons), keptHouseholds = ColumnPool.Kept(households);
        keptPersons.Should().BeGreaterThan(0, "the disposed one-shot run's person columns are pooled");
        keptHouseholds.Should().BeGreaterThan(0, "and its household columns");

        // Another population of the same size: its one-shot run writes into the poisoned columns, and its values are
        // those of a run on fresh, zeroed columns, bit for bit.
        using var second = Microsimulation.Run(rebuilt, policy, ParameterStore.Default, Date);
        ColumnPool.Kept(persons).Should().BeLessThan(keptPersons, "the second run took pooled person columns");
        ColumnPool.Kept(households).Should().BeLessThan(keptHouseholds, "and pooled household columns");
        Differing(Fresh(rebuilt, policy, ParameterStore.Default), Columns(second)).Should().BeEmpty();
    }

    private static readonly Lazy<Population> Large = new(() =>
        SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 41_237, Seed = 29 }));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference<Population>> RunOverFreshPopulations(Policy policy, int count)
    {
        var references = new List<WeakReference<Population>>();
        for (int i = 0; i < count; i++)
        {
            var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 1_000, Seed = 100 + (ulong)i });
            Microsimulation.Run(population, policy, ParameterStore.Default, Date).Dispose();
            references.Add(new WeakReference<Population>(population));
        }

        return references;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference<Policy>> RunFreshPolicies(Population population, int count)
    {
        var references = new List<WeakReference<Policy>>();
        for (int i = 0; i < count; i++)
        {
            var policy = Policy.Create(new DibaoProgram());
            Microsimulation.Run(population, policy, ParameterStore.Default, Date).Dispose();
            references.Add(new WeakReference<Policy>(policy));
        }

        return references;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static Policy Package(string name) => name switch
    {
        "standard" => Policies.Standard(),
        "pensions" => Policies.StandardWithPensions(seed: 7),
        _ => Policies.StandardWithTargeting(seed: 7),
    };

    /// <summary>The population a package runs on: with simulated pensions, the reported pensions are left out (the package rejects both).</summary>
    private static Population PopulationFor(string package) => package == "pensions" ? ZhejiangWithoutReportedPensions.Value : Zhejiang;

    private static readonly Lazy<Population> ZhejiangWithoutReportedPensions = new(() =>
        PopulationDerivation.With(Zhejiang, [(PopulationSchema.ReportedPension, new double[Zhejiang.PersonCount])]));

    /// <summary>The population and a copy with other wages, business incomes and weights (a calibration round's change).</summary>
    private static (Population Population, Population Rebuilt) WithOtherIncomes(Population population)
    {
        var wages = population.WagesAnnual.ToArray();
        var business = population.BusinessIncomeAnnual.ToArray();
        var weights = population.Weight.ToArray();
        for (int i = 0; i < wages.Length; i++)
        {
            wages[i] *= i % 3 == 0 ? 1.4 : 0.7;
            business[i] *= i % 4 == 0 ? 0.5 : 1.2;
        }

        for (int h = 0; h < weights.Length; h++)
        {
            weights[h] *= h % 2 == 0 ? 1.1 : 0.9;
        }

        return (population, PopulationDerivation.With(population, [(PopulationSchema.Wages, wages), (PopulationSchema.BusinessIncome, business), (PopulationSchema.Weight, weights)]));
    }

    /// <summary>Fills every output column of a result with NaN (not the household income, the population's shared column).</summary>
    private static void Poison(SimulationResult result, Policy policy)
    {
        foreach (var output in policy.Outputs.Where(o => o.Name != HouseholdIncomeProgram.Output.Name))
        {
            var values = result.Values(output.Name);
            MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(values), values.Length).Fill(double.NaN);
        }
    }

    /// <summary>Every variable of a run, by name, copied out.</summary>
    private static Dictionary<string, double[]> Columns(SimulationResult result)
        => result.Variables.ToDictionary(v => v.Name, v => result.Values(v.Name).ToArray());

    /// <summary>A run the way the engine ran before run contexts: one freshly zeroed table, each program over whole blocks in policy order, in parallel blocks.</summary>
    private static Dictionary<string, double[]> Fresh(Population population, Policy policy, ParameterStore parameters)
    {
        var (table, passes) = Microsimulation.Prepare(population, policy, parameters, Date);
        const int block = 1_000;
        Parallel.For(0, (population.HouseholdCount + block - 1) / block, b =>
            Microsimulation.RunBlock(population, policy, table, passes, b * block, Math.Min(population.HouseholdCount, (b + 1) * block), explanation: null));
        return table.Definitions.ToDictionary(d => d.Name, d => table.Column(d.Name).ToArray());
    }

    /// <summary>The names of the variables whose values differ in any bit.</summary>
    private static List<string> Differing(Dictionary<string, double[]> expected, Dictionary<string, double[]> actual)
    {
        actual.Keys.Should().BeEquivalentTo(expected.Keys);
        return [.. expected.Where(e => !MemoryMarshal.AsBytes(e.Value.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(actual[e.Key].AsSpan()))).Select(e => e.Key).Order(StringComparer.Ordinal)];
    }
}
