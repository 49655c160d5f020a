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
        string[] articles = sentences.GroupBy(s => s.DocumentId).Select(d => string.Join("\n", d.Select(s => s.Text))).ToArray();
        AttributionModel model = AttributionModel.LoadDefault();
        var featurizer = new Featurizer(model.Manifest.TrainerOptions.Featurizer);
        var spans = new List<TextSpan>();
        var walker = new DocumentWalker();
        var builder = new FeatureBuilder(featurizer.Options.HashBits);
        var scorer = model.CreateScorer();
        long total = 0;
        double[] p = new double[model.Labels.Count];
        for (int stage = 0; stage <= 9; stage++)
        {
            var clock = Stopwatch.StartNew();
            long count = 0;
            for (int rep = 0; rep < 5; rep++)
                foreach (string a in articles)
                {
                    spans.Clear();
                    SentenceSplitter.Default.Split(a, spans);
                    walker.Reset(); scorer.StartDocument();
                    foreach (TextSpan s in spans)
                    {
                        count++;
                        if (stage == 0) continue;
                        if (stage >= 4) { scorer.Next(a, s.Start, s.Length, s.Start, p, false); continue; }
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
        Console.WriteLine($"avg features {total / (double)(sentences.Count * 10):0}");
        return 0;
    }
}
