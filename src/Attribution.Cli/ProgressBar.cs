using System.Globalization;

namespace Attribution.Cli;

/// <summary>
/// A one-line progress bar on standard error, drawn only when standard error is a terminal: on a
/// pipe or in CI nothing is drawn, so logs hold only errors and the final summary. Errors are
/// printed above the bar.
/// </summary>
internal sealed class ProgressBar : IProgress<ScoringProgress>, IDisposable
{
    private const int Width = 30;
    private readonly object _gate = new();
    private readonly bool _draw;
    private bool _drawn;

    private ProgressBar(bool draw) => _draw = draw;

    public static ProgressBar ForStandardError() =>
        new(!Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null && Environment.GetEnvironmentVariable("TERM") != "dumb");

    public void Report(ScoringProgress value)
    {
        if (!_draw)
            return;
        double seconds = Math.Max(value.Elapsed.TotalSeconds, 1e-3);
        string line;
        if (value.Fraction is { } fraction)
        {
            int filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * Width);
            string remaining = fraction > 0.01 ? Clock(TimeSpan.FromSeconds(seconds * (1 - fraction) / fraction)) : "--:--";
            line = string.Create(CultureInfo.InvariantCulture,
                $"[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {value.Documents:N0} docs {value.SentencesThisRun / seconds:N0} sent/s {Clock(value.Elapsed)} elapsed {remaining} left");
        }
        else
        {
            line = string.Create(CultureInfo.InvariantCulture,
                $"{value.Documents:N0} docs {value.Sentences:N0} sentences {value.SentencesThisRun / seconds:N0} sent/s {Clock(value.Elapsed)} elapsed");
        }
        if (value.Errors > 0)
            line += string.Create(CultureInfo.InvariantCulture, $" {value.Errors:N0} errors");
        lock (_gate)
        {
            Console.Error.Write("\r" + line.PadRight(Math.Min(Console.BufferWidth > 0 ? Console.BufferWidth - 1 : 100, 120)));
            _drawn = true;
        }
    }

    /// <summary>Prints an error on its own line, above the bar.</summary>
    public void Error(string message)
    {
        lock (_gate)
        {
            if (_drawn)
                Console.Error.Write("\r\u001b[K");
            Console.Error.WriteLine($"attribution: {message}");
        }
    }

    /// <summary>Ends the bar's line so what follows starts on a new one.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_drawn)
                Console.Error.WriteLine();
            _drawn = false;
        }
    }

    public void Dispose() => Finish();

    private static string Clock(TimeSpan t) =>
        t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
