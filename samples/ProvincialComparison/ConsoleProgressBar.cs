using SocialSecurity.Modeling.Simulation;

namespace ProvincialComparison;

/// <summary>A one-line progress bar for long steps; redraws only when the percentage changes, and only on an interactive console.</summary>
internal sealed class ConsoleProgressBar : IProgress<SimulationProgress>
{
    private readonly object _gate = new();
    private int _lastPercent = -1;

    public void Report(SimulationProgress value)
    {
        if (Console.IsOutputRedirected)
        {
            return;
        }

        int percent = (int)(value.Fraction * 100);
        lock (_gate)
        {
            if (percent == _lastPercent)
            {
                return;
            }

            _lastPercent = percent;
            int filled = percent / 5;
            Console.Write($"\r  [{new string('#', filled)}{new string('.', 20 - filled)}] {percent,3}% {value.Stage,-40}");
            if (percent == 100)
            {
                Console.Write('\r' + new string(' ', 75) + '\r');
                _lastPercent = -1;
            }
        }
    }
}
