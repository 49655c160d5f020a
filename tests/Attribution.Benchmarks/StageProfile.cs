using System.Diagnostics;
using Attribution.Features;
using Attribution.Model;
using Attribution.Text;

namespace Attribution.Benchmarks;

/// <summary>Where single-thread scoring time goes: split, tokenize, featurize, build, score.</summary>
internal static class StageProfile
{
    public static int Run(string[] args)
    {
        string data = Paths.Option(args, "--data", Path.Combine(Paths.Repository, "training-data"));
        var sentences = LabelledData.Read(data);
        string[] articles = args.Contains("--jsonl")
            ? File.ReadLines(Paths.Option(args, "--jsonl", "")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToArray()
            : sentences.GroupBy(s => s.DocumentId).Select(d => string.Join("\n", d.Select(s => s.Text))).ToArray();
        AttributionModel model = AttributionModel.LoadDefault();
        var featurizer = new Featurizer(model.Manifest.TrainerOptions.Featurizer);
        var spans = new List<TextSpan>();
        var walker = new DocumentWalker();
        var builder = new FeatureBuilder(featurizer.Options.HashBits);
        var scorer = model.CreateScorer();
        var formatter = IO.ScoreFormatter.Create(ScoreFormat.Csv, model.Labels);
        var buffer = new IO.PooledBufferWriter();
        long total = 0;
        double[] p = new double[model.Labels.Count];
        for (int stage = args.Contains("--scorer-only") ? 10 : 0; stage <= 9; stage++)
        {
            var clock = Stopwatch.StartNew();
            long count = 0;
            for (int rep = 0; rep < (args.Contains("--jsonl") ? 1 : 5); rep++)
                foreach (string a in articles)
                {
                    spans.Clear();
                    SentenceSplitter.Default.Split(a, spans);
                    walker.Reset(); scorer.StartDocument();
                    foreach (TextSpan s in spans)
                    {
                        count++;
                        if (stage == 0) continue;
                        if (stage >= 4)
                        {
                            int best = scorer.Next(a, s.Start, s.Length, s.Start, p, false);
                            if (stage >= 7)
                            {
                                formatter.WriteSentence(buffer, "gen-00000001", 3, s.Start, s.Length, a.AsSpan(s.Start, s.Length), best, p, null);
                                if (buffer.WrittenSpan.Length > 1 << 20) { buffer.Dispose(); buffer = new IO.PooledBufferWriter(); }
                            }
                            continue;
                        }
                        var context = walker.Next(a, s.Start, s.Length, s.Start);
                        if (stage == 1) continue;
                        builder.Clear();
                        featurizer.Featurize(context, builder);
                        if (stage == 2) continue;
                        total += builder.Slots.Length;
                    }
                }
            Console.WriteLine($"stage {stage}: {clock.Elapsed.TotalMicroseconds / count:0.00} us/sentence ({count / clock.Elapsed.TotalSeconds:0} /s)");
        }
        if (args.Contains("--jsonl"))
            for (int run = 0; run < 3; run++)
                foreach (int threads in new[] { 1, 2 })
                {
                    var clock = Stopwatch.StartNew();
                    var report = new CorpusScorer(model, new ScoringOptions { Threads = threads }).Score(File.OpenRead(Paths.Option(args, "--jsonl", "")), Stream.Null);
                    Console.WriteLine($"in-process corpus scorer, {threads} threads: {report.Sentences / clock.Elapsed.TotalSeconds:0} sentences/s");
                }
        Console.WriteLine($"avg features {total / (double)(sentences.Count * 10):0}");
        return 0;
    }
}
