using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SocialSecurity.Modeling.Benchmarks.Support;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Benchmarks.Simulation;

/// <summary>
/// Dibao over 1 M households (3 M persons), per household, each against its floor measured in the same run
/// ("Of floor" = floor time ÷ time). <c>Floor_Copy</c> copies the bytes the dibao rule must read (income, assets,
/// member range, region, area, homes, vehicle: 25 bytes) and write (eligibility, roll, benefit: 24 bytes);
/// <c>Floor_BareLoop</c> is the rule written as one plain loop over the same columns. <c>DibaoRule</c> is the rule's
/// pass over prepared columns; <c>ContextRun</c> a run of a prepared <see cref="SimulationContext"/> (result disposed);
/// <c>MicrosimulationRun</c> the public one-shot <see cref="Microsimulation.Run"/> (parameters resolved, outputs
/// allocated; the household income of the means test is the population's, computed by the first run).
/// Households per second = 1e9 / (ns per op).
/// </summary>
[MemoryDiagnoser]
[FloorFractionColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DibaoPassBenchmarks
{
    private const int Persons = 3_000_000;
    private const int Households = 999_767; // of BenchmarkPopulations.Create(3_000_000), checked in Setup
    private const int Block = 16_384;
    private readonly DateOnly _date = new(2023, 6, 30);
    private ProgramPass[] _passes = null!;
    private VariableTable _table = null!;
    private Population _population = null!;
    private Policy _policy = null!;
    private SimulationContext _context = null!;
    private double[] _income = null!, _assets = null!, _eligible = null!, _onRoll = null!, _benefit = null!;
    private readonly double[] _urban = new double[64], _rural = new double[64], _months = new double[64], _maxHomes = new double[64], _vehicle = new double[64];
    private double _sink;

    /// <summary>Builds the population once and prepares the dibao policy.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _population = BenchmarkPopulations.Create(Persons);
        _policy = Policy.Create(new DibaoProgram());
        if (_population.HouseholdCount != Households)
        {
            throw new InvalidOperationException($"The benchmark population has {_population.HouseholdCount} households; update Households.");
        }

        (_table, _passes) = Microsimulation.Prepare(_population, _policy, ParameterStore.Default, _date);
        Microsimulation.RunBlock(_population, _policy, _table, _passes, 0, Households, null); // the household income the rule reads
        _context = new SimulationContext(_population, _policy);
        _income = _table.Column(HouseholdIncomeProgram.Output.Name);
        _assets = _table.Column(InputVariables.FinancialAssets.Name);
        _eligible = _table.Column(DibaoProgram.Eligible.Name);
        _onRoll = _table.Column(DibaoProgram.OnRoll.Name);
        _benefit = _table.Column(DibaoProgram.Benefit.Name);
        _urban.AsSpan().Fill(12_000);
        _rural.AsSpan().Fill(9_000);
        _months.AsSpan().Fill(24);
        _maxHomes.AsSpan().Fill(1);
        _vehicle.AsSpan().Fill(1);
        Console.WriteLine($"// population: {_population.PersonCount:N0} persons, {_population.HouseholdCount:N0} households, {(double)_population.ResidentBytes / _population.PersonCount:F1} bytes per person resident");
    }

    /// <summary>Floor: the bytes the rule reads, copied into the columns it writes, blocks on all cores.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Households)]
    [BenchmarkCategory("dibao, all cores")]
    public double Floor_Copy()
    {
        Blocks(CopyBlock);
        return _sink;
    }

    /// <summary>Floor: the rule as one plain loop over the same columns (constant standards), blocks on all cores.</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    [BenchmarkCategory("dibao, all cores")]
    public void Floor_BareLoop() => Blocks(BareLoop);

    /// <summary>The dibao rule's pass alone (household income precomputed in setup).</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    [BenchmarkCategory("dibao, all cores")]
    public void DibaoRule() => Blocks((first, end) => _passes[^1].Execute(new ProgramContext(_policy.Programs[^1], _table, _population, first, end, null)));

    /// <summary>A run of the prepared context; its columns go back to the context.</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    [BenchmarkCategory("dibao, all cores")]
    public int ContextRun()
    {
        using var result = _context.Run(ParameterStore.Default, _date);
        return result.Values(DibaoProgram.Benefit.Name).Length;
    }

    /// <summary>The public one-shot run.</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    [BenchmarkCategory("dibao, all cores")]
    public int MicrosimulationRun() => Microsimulation.Run(_population, _policy, ParameterStore.Default, _date).Values(DibaoProgram.Benefit.Name).Length;

    /// <summary>Floor on one core.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Households)]
    [BenchmarkCategory("dibao, one core")]
    public double Floor_Copy_OneCore()
    {
        CopyBlock(0, Households);
        return _sink;
    }

    /// <summary>The dibao rule's pass alone on one core.</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    [BenchmarkCategory("dibao, one core")]
    public void DibaoRule_OneCore() => _passes[^1].Execute(new ProgramContext(_policy.Programs[^1], _table, _population, 0, Households, null));

    private static void Blocks(Action<int, int> body)
        => Parallel.For(0, (Households + Block - 1) / Block, b => body(b * Block, Math.Min(Households, (b + 1) * Block)));

    private void CopyBlock(int first, int end)
    {
        int n = end - first;
        _income.AsSpan(first, n).CopyTo(_benefit.AsSpan(first, n));
        _assets.AsSpan(first, n).CopyTo(_eligible.AsSpan(first, n));
        _income.AsSpan(first, n).CopyTo(_onRoll.AsSpan(first, n));
        var total = Xor(MemoryMarshal.AsBytes(_population.MemberStart.Slice(first, n)))
            ^ Xor(MemoryMarshal.AsBytes(_population.HouseholdRegion.Slice(first, n)))
            ^ Xor(MemoryMarshal.AsBytes(_population.Area.Slice(first, n)))
            ^ Xor(_population.HousingUnits.Slice(first, n))
            ^ Xor(_population.NonEssentialVehicle.Slice(first, n));
        _sink = total[0];
    }

    private static Vector<byte> Xor(ReadOnlySpan<byte> bytes)
    {
        var total = Vector<byte>.Zero;
        foreach (var v in MemoryMarshal.Cast<byte, Vector<byte>>(bytes))
        {
            total ^= v;
        }

        return total;
    }

    private void BareLoop(int first, int end)
    {
        var start = _population.MemberStart;
        var region = MemoryMarshal.Cast<Modeling.Regions.RegionId, ushort>(_population.HouseholdRegion);
        var area = _population.Area;
        var homes = _population.HousingUnits;
        var vehicle = _population.NonEssentialVehicle;
        for (int h = first; h < end; h++)
        {
            int n = start[h + 1] - start[h], r = region[h];
            double s = area[h] == AreaType.Urban ? _urban[r] : _rural[r];
            double y = Math.Max(0.0, _income[h]);
            bool ok = y < n * s && _assets[h] * 12.0 <= _months[r] * s * n && homes[h] <= _maxHomes[r] && !(vehicle[h] == 1 && _vehicle[r] == 1);
            _eligible[h] = ok ? 1.0 : 0.0;
            _onRoll[h] = _eligible[h];
            _benefit[h] = ok ? ((n * s) - y) / 12.0 : 0.0;
        }
    }
}
