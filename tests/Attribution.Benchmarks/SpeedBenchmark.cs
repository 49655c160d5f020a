using System.Diagnostics;
using System.Globalization;

namespace Attribution.Benchmarks;

/// <summary>
/// Training time on the corpus, single-thread prediction speed (split + featurize + score, in
/// context) over articles rebuilt from the corpus, model load time, and peak working set.
/// </summary>
internal static class SpeedBenchmark
{
    public static int Run(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        string data = Paths.Option(args, "--data", Path.Combine(Paths.Repository, "training-data"));
        string modelPath = Paths.Option(args, "--model", Path.Combine(Paths.Repository, "models", "attribution.zip"));
        var sentences = LabelledData.Read(data);

        var clock = Stopwatch.StartNew();
        AttributionTrainer.Train(sentences, new TrainerOptions());
        Console.WriteLine($"train         {sentences.Count} sentences in {clock.Elapsed.TotalSeconds:0.00} s");

        clock.Restart();
        AttributionModel model = AttributionModel.Load(modelPath);
        Console.WriteLine($"load          {clock.Elapsed.TotalMilliseconds:0} ms");

        string[] articles = sentences.GroupBy(s => s.DocumentId).Select(d => string.Join("\n", d.Select(s => s.Text))).ToArray();
        var noEvidence = new PredictionOptions { EvidenceCount = 0 };
        foreach (var (name, options) in new[] { ("no evidence", noEvidence), ("with evidence", PredictionOptions.Default) })
        {
            for (int warm = 0; warm < 2; warm++)
                foreach (string a in articles)
                    model.Attribute(a, options);
            long count = 0;
            clock.Restart();
            while (clock.Elapsed < TimeSpan.FromSeconds(5))
                foreach (string a in articles)
                    count += model.Attribute(a, options).Count;
            double seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"predict       {count / seconds,10:0} sentences/s single thread ({name})");
        }
        Console.WriteLine($"peak memory   {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB working set");
        return 0;
    }
}
