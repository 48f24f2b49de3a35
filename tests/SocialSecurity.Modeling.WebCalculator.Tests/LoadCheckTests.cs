using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using SocialSecurity.Modeling.WebCalculator.Tests.Support;
using Xunit.Abstractions;

namespace SocialSecurity.Modeling.WebCalculator.Tests;

/// <summary>
/// A load check on a real Kestrel server on the loopback address: 200 concurrent <c>POST /calculate</c> requests all
/// succeed with the same answer. The median latency is reported (test output and load-check.txt beside the test
/// assembly, which .ci/run prints), not asserted: timings depend on the machine.
/// </summary>
public sealed class LoadCheckTests(LiveServer server, ITestOutputHelper output) : IClassFixture<LiveServer>
{
    private const int Requests = 200;

    [Fact]
    public async Task Two_hundred_concurrent_calculations_complete_without_error()
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Requests };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var body = """
            { "date": "2023-06-30", "policy": "Policies.Standard",
              "households": [ { "region": "330100", "members": [ { "age": 40, "wages_annual": 18000 }, { "age": 38 }, { "age": 10 } ] } ] }
            """;
        using var start = new SemaphoreSlim(0, Requests);
        var tasks = Enumerable.Range(0, Requests).Select(async _ =>
        {
            await start.WaitAsync();
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync("/calculate", new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text, clock.Elapsed.TotalMilliseconds);
        }).ToList();
        var wall = Stopwatch.StartNew();
        start.Release(Requests);
        var results = await Task.WhenAll(tasks);
        wall.Stop();

        results.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        results.Select(r => r.text).Distinct().Should().ContainSingle("every response to the same request is the same");
        var latencies = results.Select(r => r.TotalMilliseconds).Order().ToArray();
        double median = (latencies[(Requests / 2) - 1] + latencies[Requests / 2]) / 2;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"load check: {Requests} concurrent POST /calculate on {server.BaseAddress}: all 200 OK, median latency {median:0.0} ms, max {latencies[^1]:0.0} ms, {wall.Elapsed.TotalMilliseconds:0} ms in all ({Environment.ProcessorCount} cores)");
        output.WriteLine(line);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "load-check.txt"), line + Environment.NewLine);
    }
}
