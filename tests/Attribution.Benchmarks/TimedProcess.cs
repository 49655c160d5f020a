using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Attribution.Benchmarks;

/// <summary>Runs a command under <c>/usr/bin/time -v</c>: its wall time, peak resident memory and output.</summary>
internal static class TimedProcess
{
    public static (double Wall, long PeakKb, string Stderr) Run(string[] command) => Run(command, out _);

    public static (double Wall, long PeakKb, string Stderr) Run(string[] command, out string stdout)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-v");
        foreach (string part in command)
            start.ArgumentList.Add(part);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        stdout = output.Result;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', command)} exited with {process.ExitCode}:\n{stderr}");
        double wall = ParseClock(Regex.Match(stderr, @"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)").Groups[1].Value);
        long peak = long.Parse(Regex.Match(stderr, @"Maximum resident set size \(kbytes\): (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        return (wall, peak, stderr);
    }

    private static double ParseClock(string clock)
    {
        double seconds = 0;
        foreach (string part in clock.Split(':'))
            seconds = seconds * 60 + double.Parse(part, CultureInfo.InvariantCulture);
        return seconds;
    }
}
