using System.Diagnostics;
using System.Globalization;

namespace Attribution.Benchmarks;

/// <summary>
/// Cold model loading, as a user's first call pays it: each run is a fresh process that times
/// <see cref="AttributionModel.LoadDefault"/> (and a second, warm load). Prints every run and the median.
/// </summary>
internal static class LoadBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Contains("--child"))
        {
            var clock = Stopwatch.StartNew();
            AttributionModel.LoadDefault();
            double first = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            AttributionModel.LoadDefault();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{first:0.0} {clock.Elapsed.TotalMilliseconds:0.0}"));
            return 0;
        }
        int runs = int.Parse(Paths.Option(args, "--runs", "9"), CultureInfo.InvariantCulture);
        var cold = new List<double>();
        var warm = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(typeof(LoadBenchmark).Assembly.Location);
            start.ArgumentList.Add("load");
            start.ArgumentList.Add("--child");
            using Process process = Process.Start(start)!;
            string[] fields = process.StandardOutput.ReadToEnd().Split(' ', StringSplitOptions.TrimEntries);
            process.WaitForExit();
            cold.Add(double.Parse(fields[0], CultureInfo.InvariantCulture));
            warm.Add(double.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        Console.WriteLine($"cold LoadDefault (fresh process): median {Median(cold):0.0} ms   runs: {string.Join(", ", cold.Select(c => c.ToString("0", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"warm LoadDefault (second load):   median {Median(warm):0.0} ms");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
