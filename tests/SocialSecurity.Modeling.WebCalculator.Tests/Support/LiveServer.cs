using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Samples.WebCalculator;

namespace SocialSecurity.Modeling.WebCalculator.Tests.Support;

/// <summary>The app on a real Kestrel server on a free loopback port (for the browser and the load check).</summary>
public sealed class LiveServer : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>The server's base address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        _app = CalculatorApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
