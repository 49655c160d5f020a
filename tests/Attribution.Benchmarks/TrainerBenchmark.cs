using System.Globalization;
using System.Text.Json;

namespace Attribution.Benchmarks;

/// <summary>
/// Each trainer as users run it, one CLI process at a time under <c>/usr/bin/time -v</c>. On
/// <c>training-data/</c>: training time and peak memory with the defaults (calibration included),
/// model size, macro-F1 by 5-fold document cross-validation, and accuracy and macro-F1 on
/// <c>../shared/eval/dev.csv</c>. With <c>--scale</c>: SDCA and L-BFGS for 5 passes on 1,000,000
/// generated labelled sentences and boosted trees on 100,000, without calibration.
/// </summary>
internal static class TrainerBenchmark
{
    private static readonly string[] Trainers = ["sdca", "lbfgs", "fasttree"];

    public static int Run(string[] args)
    {
        if (Paths.Cli() is not { } cli)
            return 2;
        string work = Paths.Option(args, "--work", Path.Combine(Path.GetTempPath(), "attribution-trainer-bench"));
        Directory.CreateDirectory(work);
        return args.Contains("--scale") ? Scale(cli, work) : Quality(cli, work, Paths.Option(args, "--data", Path.Combine(Paths.Repository, "training-data")));
    }

    private static int Quality(string cli, string work, string data)
    {
        string dev = Path.Combine(Paths.Shared, "eval", "dev.csv");
        Console.WriteLine("| trainer | train s | peak MB | model KB | CV macro-F1 | CV accuracy | dev accuracy | dev macro-F1 | dev log-loss |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (string trainer in Trainers)
        {
            string model = Path.Combine(work, $"{trainer}.zip");
            var (wall, peakKb, _) = TimedProcess.Run(["dotnet", cli, "train", "--data", data, "--model", model, "--trainer", trainer]);
            TimedProcess.Run(["dotnet", cli, "cv", "--data", data, "--trainer", trainer, "--calibration-folds", "0", "--json"], out string cvJson);
            TimedProcess.Run(["dotnet", cli, "evaluate", "--model", model, "--data", dev, "--json"], out string devJson);
            using JsonDocument cv = JsonDocument.Parse(cvJson), eval = JsonDocument.Parse(devJson);
            double Get(JsonDocument d, string name) => d.RootElement.GetProperty(name).GetDouble();
            double Std(string name) => cv.RootElement.GetProperty("std").GetProperty(name).GetDouble();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {trainer} | {wall:0.0} | {peakKb / 1024.0:0} | {new FileInfo(model).Length / 1024.0:0} | {Get(cv, "macroF1"):0.0000} ± {Std("macroF1"):0.0000} | {Get(cv, "accuracy"):0.0000} ± {Std("accuracy"):0.0000} | {Get(eval, "accuracy"):0.0000} | {Get(eval, "macroF1"):0.0000} | {Get(eval, "logLoss"):0.0000} |"));
        }
        Console.WriteLine("Training with the defaults (5 calibration folds); cross-validation without calibration, which changes no label.");
        return 0;
    }

    private static int Scale(string cli, string work)
    {
        Console.WriteLine("| trainer | sentences | options | wall s | peak MB | model KB |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (trainer, sentences, options) in new (string, long, string[])[]
        {
            ("sdca", 1_000_000, ["--passes", "5"]),
            ("lbfgs", 1_000_000, ["--passes", "5"]),
            ("fasttree", 100_000, []),
        })
        {
            string folder = Path.Combine(work, $"generated-{sentences}");
            string csv = Path.Combine(folder, "data.csv");
            if (!File.Exists(csv))
            {
                Directory.CreateDirectory(folder);
                CorpusGenerator.Run(["--labelled", "--sentences", sentences.ToString(CultureInfo.InvariantCulture), "--output", csv]);
            }
            string model = Path.Combine(work, $"{trainer}-{sentences}.zip");
            var (wall, peakKb, _) = TimedProcess.Run(["dotnet", cli, "train", "--data", csv, "--model", model, "--trainer", trainer, "--calibration-folds", "0", .. options]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {trainer} | {sentences:N0} | {string.Join(' ', options)} | {wall:0.0} | {peakKb / 1024.0:0} | {new FileInfo(model).Length / 1024.0:0} |"));
        }
        Console.WriteLine("Wall time includes process start, reading the CSV and featurizing; no calibration.");
        return 0;
    }
}
