using System.Diagnostics;
using System.Text.Json;
using Attribution.Features;
using Attribution.IO;
using Attribution.Text;

namespace Attribution.Benchmarks;

/// <summary>
/// Where single-thread scoring time goes. Each pass over the corpus does one more stage (split;
/// tokenize and find cues; featurize; score; format a CSV row), so the differences between passes
/// are the cost of each stage. Then the whole in-process pipeline (<see cref="CorpusScorer"/>,
/// output discarded) at 1 and 2 threads, with the bytes it allocates per sentence.
/// </summary>
internal static class StageProfile
{
    private static readonly string[] Stages = ["split", "tokenize + cues", "featurize", "score", "format row"];

    public static int Run(string[] args)
    {
        string corpus = Paths.Option(args, "--jsonl", "");
        string[] articles = corpus.Length > 0
            ? File.ReadLines(corpus).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToArray()
            : LabelledData.Read(Path.Combine(Paths.Repository, "training-data")).GroupBy(s => s.DocumentId).Select(d => string.Join("\n", d.Select(s => s.Text))).ToArray();
        string modelPath = Paths.Option(args, "--model", "");
        AttributionModel model = modelPath.Length > 0 ? AttributionModel.Load(modelPath) : AttributionModel.LoadDefault();

        Pass(model, articles, Stages.Length);   // warm-up: every stage compiled and optimized
        double previous = 0;
        for (int stages = 1; stages <= Stages.Length; stages++)
        {
            double micros = Enumerable.Range(0, 3).Select(_ => Pass(model, articles, stages)).Min();
            Console.WriteLine($"{Stages[stages - 1],-16} {micros - previous,6:0.00} us/sentence   (cumulative {micros:0.00} us, {1e6 / micros:N0} sentences/s)");
            previous = micros;
        }

        if (corpus.Length == 0)
            return 0;
        byte[] bytes = File.ReadAllBytes(corpus);
        foreach (int threads in new[] { 1, 2, 1, 2 })
        {
            long allocated = GC.GetTotalAllocatedBytes(true);
            var clock = Stopwatch.StartNew();
            ScoringReport report = new CorpusScorer(model, new ScoringOptions { Threads = threads }).Score(new MemoryStream(bytes), Stream.Null);
            Console.WriteLine($"pipeline, {threads} thread(s): {report.Sentences / clock.Elapsed.TotalSeconds,9:N0} sentences/s, {(GC.GetTotalAllocatedBytes(true) - allocated) / (double)report.Sentences:0} bytes allocated per sentence");
        }
        return 0;
    }

    /// <summary>One pass doing the first <paramref name="stages"/> stages; microseconds per sentence.</summary>
    private static double Pass(AttributionModel model, string[] articles, int stages)
    {
        var featurizer = new Featurizer(model.Manifest.TrainerOptions.Featurizer);
        var walker = new DocumentWalker();
        var builder = new FeatureBuilder(featurizer.Options.HashBits);
        var scorer = model.CreateScorer();
        var formatter = ScoreFormatter.Create(ScoreFormat.Csv, model.Labels);
        var output = new PooledBufferWriter();
        var spans = new List<TextSpan>();
        var probabilities = new double[model.Labels.Count];
        long sentences = 0;
        var clock = Stopwatch.StartNew();
        foreach (string article in articles)
        {
            spans.Clear();
            SentenceSplitter.Default.Split(article, spans);
            walker.Reset();
            scorer.StartDocument();
            sentences += spans.Count;
            foreach (TextSpan s in spans)
            {
                if (stages == 2)
                    walker.Next(article, s.Start, s.Length, s.Start);
                else if (stages == 3)
                {
                    builder.Clear();
                    featurizer.Featurize(walker.Next(article, s.Start, s.Length, s.Start), builder);
                }
                else if (stages >= 4)
                {
                    int best = scorer.Next(article, s.Start, s.Length, s.Start, probabilities, explain: false);
                    if (stages >= 5)
                        formatter.WriteSentence(output, "gen-00000001", 0, s.Start, s.Length, article.AsSpan(s.Start, s.Length), best, probabilities, null);
                }
            }
            if (output.WrittenSpan.Length > 1 << 20)
            {
                output.Dispose();
                output = new PooledBufferWriter();
            }
        }
        output.Dispose();
        return clock.Elapsed.TotalMicroseconds / sentences;
    }
}
