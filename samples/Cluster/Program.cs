// A localhost Orleans cluster in one command: N silo processes with Redis membership, and a client that runs the
// four-province comparison partitioned by province (each province a calibrated synthetic population, run on
// whichever silo gets it), prints it, and with --check compares it with the single-process run (docs/distributed.md).
//
//   dotnet run -c Release --project samples/Cluster -- --silos 3 --persons 20000 --check
//
// Redis: a redis-server (Debian package) is started on a free port and stopped at the end, unless --redis HOST:PORT
// names a running one (as on several machines). The same program runs a silo alone: Cluster silo --redis HOST:PORT.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using SocialSecurity.Modeling.Distributed;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;

const string ClusterId = "socialsecurity-modeling";
var c = CultureInfo.InvariantCulture;

try
{
    if (args.Length > 0 && args[0] == "silo")
    {
        await RunSilo(Option(args, "--redis") ?? throw new ArgumentException("--redis HOST:PORT is required for a silo"),
            Option(args, "--name") ?? $"silo-{Environment.ProcessId}",
            int.Parse(Option(args, "--silo-port") ?? "11111", c), int.Parse(Option(args, "--gateway-port") ?? "30000", c));
        return 0;
    }

    if (args.Contains("--help"))
    {
        Console.WriteLine("Usage: Cluster [--silos N] [--persons N] [--seed S] [--date yyyy-MM-dd] [--redis HOST:PORT] [--check]");
        Console.WriteLine("       Cluster silo --redis HOST:PORT [--name NAME] [--silo-port P] [--gateway-port G]");
        return 0;
    }

    int silos = int.Parse(Option(args, "--silos") ?? "3", c);
    int persons = int.Parse(Option(args, "--persons") ?? "20000", c);
    ulong seed = ulong.Parse(Option(args, "--seed") ?? "20231", c);
    var date = DateOnly.ParseExact(Option(args, "--date") ?? "2024-07-01", "yyyy-MM-dd", c);
    return await RunCluster(silos, persons, seed, date, Option(args, "--redis"), args.Contains("--check"));
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

async Task<int> RunCluster(int silos, int persons, ulong seed, DateOnly date, string? redis, bool check)
{
    var logs = Directory.CreateTempSubdirectory("ssm-cluster-").FullName;
    var started = new List<Process>();
    try
    {
        if (redis is null)
        {
            int port = FreePort();
            started.Add(Start("redis-server", ["--port", port.ToString(c), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], Path.Combine(logs, "redis.log")));
            redis = $"127.0.0.1:{port}";
            await WaitForPort(port, TimeSpan.FromSeconds(20), started);
            Console.WriteLine($"Redis membership: redis-server on {redis} (logs in {logs})");
        }

        var gateways = new List<int>();
        for (int i = 0; i < silos; i++)
        {
            var (self, first) = SelfCommand();
            gateways.Add(FreePort());
            started.Add(Start(self, [.. first, "silo", "--redis", redis, "--name", $"silo-{i + 1}", "--silo-port", FreePort().ToString(c), "--gateway-port", gateways[^1].ToString(c)], Path.Combine(logs, $"silo-{i + 1}.log")));
        }

        Console.WriteLine($"Started {silos} silo processes; waiting for them to join …");
        using var client = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(b => b
                .UseRedisClustering(redis)
                .Configure<ClusterOptions>(o => { o.ClusterId = ClusterId; o.ServiceId = ClusterId; })
                .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30)))
            .Build();
        await WaitForSilos(client, silos, gateways, started, TimeSpan.FromMinutes(2));
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var management = grains.GetGrain<IManagementGrain>(0);
        Console.WriteLine($"{(await management.GetHosts(onlyActive: true)).Count} silos active.");

        var job = new PartitionedJob { Policy = "Policies.StandardWithTargeting", Date = date, Reforms = [DibaoReform().ToJson()] };
        var partitions = RegionCodes.StudyProvinces.Select(p => PartitionSource.Synthetic(p, persons, seed, StatisticsYear(p))).ToArray();
        var clock = Stopwatch.StartNew();
        var result = await PartitionedRun.RunAsync(grains, job, partitions, new Progress<PartitionProgress>(p =>
            Console.WriteLine(p.Rerun ? $"  {p.PartitionId}: its silo was lost, running it again" : $"  {p.PartitionId} done on {p.Silo} ({p.Completed}/{p.Total})")));
        Console.WriteLine($"Cluster run: {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine();
        Print(result);

        if (check)
        {
            Console.WriteLine("Check: the same partitions in this process, one after another …");
            var local = PartitionedRun.RunLocal(job, partitions);
            var differences = Differences(result, local).ToList();
            foreach (var difference in differences.Take(20))
            {
                Console.WriteLine($"  DIFFERENT: {difference}");
            }

            if (differences.Count > 0)
            {
                Console.WriteLine($"check FAILED: {differences.Count} figure(s) differ from the single-process run");
                return 1;
            }

            Console.WriteLine("check passed: the cluster's result equals the single-process run bit for bit (every total, recipient count, indicator and decile).");
        }

        await client.StopAsync();
        return 0;
    }
    finally
    {
        foreach (var process in started.AsEnumerable().Reverse())
        {
            try
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
            }

            process.Dispose();
        }
    }
}

static void Print(PartitionedResult result)
{
    var c = CultureInfo.InvariantCulture;
    Console.WriteLine($"{"province / scenario",-34} {"mean inc.",10} {"median",10} {"Gini",7} {"AROP 60%",9} {"spending",12} {"revenue",12} {"net cost",10}");
    Console.WriteLine($"{"",-34} {"yuan/yr",10} {"yuan/yr",10} {"",7} {"",9} {"bn yuan/yr",12} {"bn yuan/yr",12} {"bn yuan",10}");
    foreach (var (name, part) in result.Partitions.Select(p => (ProvinceName(p.Id) + $" ({p.Silo})", result.OfPartition(p.Id))).Append(("four provinces together", result)))
    {
        foreach (var (s, i) in part.Scenarios.Select((s, i) => (s, i)))
        {
            string net = i == 0 ? "" : (part.Comparisons[i - 1].NetFiscalCostAnnual / 1e9).ToString("N3", c);
            Console.WriteLine(string.Create(c, $"{(i == 0 ? name : "  " + s.Name),-34} {s.MeanIncome,10:N0} {s.MedianIncome,10:N0} {s.Gini,7:0.0000} {s.AtRiskOfPovertyRate,9:P2} {s.PublicSpendingAnnual / 1e9,12:N3} {s.PublicRevenueAnnual / 1e9,12:N3} {net,10}"));
        }
    }

    Console.WriteLine();
    Console.WriteLine("Household per-capita disposable income, persons weighted; AROP: share below 60% of the median. The Gini, median and");
    Console.WriteLine("poverty rate of the four provinces together come from the exact merge of the provinces' sorted incomes.");
    Console.WriteLine("The reform (dibao standards +10% in the four provinces) is illustrative [I].");
}

static IEnumerable<string> Differences(PartitionedResult a, PartitionedResult b)
{
    var c = CultureInfo.InvariantCulture;
    foreach (var (x, y) in a.Scenarios.Zip(b.Scenarios))
    {
        foreach (var (key, value) in x.AnnualTotals.Concat(x.Recipients.Select(r => new KeyValuePair<string, double>(r.Key + " (recipients)", r.Value))).Concat(x.IncomeTotals))
        {
            double other = y.AnnualTotals.TryGetValue(key, out var t) ? t : y.Recipients.TryGetValue(key.Replace(" (recipients)", "", StringComparison.Ordinal), out var r) && key.EndsWith(" (recipients)", StringComparison.Ordinal) ? r : y.IncomeTotals.GetValueOrDefault(key, double.NaN);
            if (!value.Equals(other))
            {
                yield return string.Create(c, $"{x.Name}: {key}: {value:R} against {other:R}");
            }
        }

        foreach (var (label, u, v) in new[] { ("Gini", x.Gini, y.Gini), ("median", x.MedianIncome, y.MedianIncome), ("mean", x.MeanIncome, y.MeanIncome), ("AROP", x.AtRiskOfPovertyRate, y.AtRiskOfPovertyRate), ("spending", x.PublicSpendingAnnual, y.PublicSpendingAnnual), ("revenue", x.PublicRevenueAnnual, y.PublicRevenueAnnual) })
        {
            if (!u.Equals(v))
            {
                yield return string.Create(c, $"{x.Name}: {label}: {u:R} against {v:R}");
            }
        }

        if (!x.DecileShares.SequenceEqual(y.DecileShares))
        {
            yield return $"{x.Name}: decile shares";
        }
    }

    foreach (var (x, y) in a.Comparisons.Zip(b.Comparisons))
    {
        if (!x.Programs.SequenceEqual(y.Programs) || !x.Deciles.SequenceEqual(y.Deciles) || !x.NetFiscalCostAnnual.Equals(y.NetFiscalCostAnnual))
        {
            yield return $"{x.Reform}: the comparison with the baseline";
        }
    }
}

static Reform DibaoReform()
{
    var from = new DateOnly(2024, 1, 1);
    var reform = Reform.Create("dibao standards +10%").Describe("Urban and rural dibao standards of the four provinces raised by 10% from 2024 (illustrative [I]).");
    foreach (var province in RegionCodes.StudyProvinces)
    {
        reform = reform.Scale("dibao.standard.urban", province, from, 1.1).Scale("dibao.standard.rural", province, from, 1.1);
    }

    return reform;
}

static int StatisticsYear(string province)
    => SocialSecurity.Modeling.Populations.Synthetic.ProvinceStatistics.AvailableYears(province).Contains(2023) ? 2023 : 2022;

static string ProvinceName(string code) => RegionCatalog.Default[RegionCatalog.Default.GetId(code)].Pinyin;

static async Task RunSilo(string redis, string name, int siloPort, int gatewayPort)
{
    using var host = Host.CreateDefaultBuilder()
        .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
        .UseOrleans(silo => silo
            .AddPartitionedRuns()
            .UseRedisClustering(redis)
            .Configure<ClusterOptions>(o => { o.ClusterId = ClusterId; o.ServiceId = ClusterId; })
            .Configure<SiloOptions>(o => o.SiloName = name)
            .ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort))
        .Build();
    await host.RunAsync();
}

static async Task WaitForSilos(IHost client, int silos, IReadOnlyList<int> gateways, List<Process> started, TimeSpan limit)
{
    var clock = Stopwatch.StartNew();
    foreach (int port in gateways)
    {
        await WaitForPort(port, limit - clock.Elapsed, started);
    }

    await client.StartAsync();
    var management = client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
    while ((await management.GetHosts(onlyActive: true)).Count < silos)
    {
        if (clock.Elapsed > limit)
        {
            throw new TimeoutException($"The {silos} silos did not all join within {limit.TotalSeconds:F0} s.");
        }

        await Task.Delay(250);
    }
}

static (string Program, string[] First) SelfCommand()
{
    string path = Environment.ProcessPath!;
    return Path.GetFileNameWithoutExtension(path) == "dotnet" ? (path, [typeof(PartitionedRun).Assembly.Location.Replace("SocialSecurity.Modeling.Distributed.dll", "Cluster.dll", StringComparison.Ordinal)]) : (path, []);
}

static Process Start(string program, string[] arguments, string log)
{
    var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var argument in arguments)
    {
        info.ArgumentList.Add(argument);
    }

    var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
    var writer = new StreamWriter(log) { AutoFlush = true };
    process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task WaitForPort(int port, TimeSpan limit, IReadOnlyList<Process> started)
{
    var clock = Stopwatch.StartNew();
    while (true)
    {
        if (started.FirstOrDefault(p => p.HasExited) is { } dead)
        {
            throw new InvalidOperationException($"A process of the cluster ({dead.StartInfo.FileName}) exited early with code {dead.ExitCode}; see its log.");
        }

        try
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(IPAddress.Loopback, port);
            return;
        }
        catch (SocketException) when (clock.Elapsed < limit)
        {
            await Task.Delay(100);
        }
    }
}

static string? Option(string[] args, string name)
{
    int i = Array.IndexOf(args, name);
    return i < 0 ? null : i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} needs a value");
}
