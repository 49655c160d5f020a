using System.Diagnostics;
using System.Globalization;

namespace Attribution.Benchmarks;

/// <summary>
/// Document-grouped k-fold cross-validation on the training corpus, then the model trained on all
/// of it measured on the real evaluation sets. Never trains on the evaluation sets.
/// </summary>
internal static class QualityBenchmark
{
    public static int Run(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        string data = Paths.Option(args, "--data", Path.Combine(Paths.Repository, "training-data"));
        int folds = int.Parse(Paths.Option(args, "--folds", "5"), CultureInfo.InvariantCulture);
        // Defaults are the library's own, so the benchmark measures what users get.
        var defaults = new TrainerOptions();
        string Default(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        var options = new TrainerOptions
        {
            L2Regularization = double.Parse(Paths.Option(args, "--l2", Default(defaults.L2Regularization)), CultureInfo.InvariantCulture),
            MaximumPasses = int.Parse(Paths.Option(args, "--passes", Default(defaults.MaximumPasses)), CultureInfo.InvariantCulture),
            ConvergenceTolerance = double.Parse(Paths.Option(args, "--tolerance", Default(defaults.ConvergenceTolerance)), CultureInfo.InvariantCulture),
            Featurizer = defaults.Featurizer with
            {
                CharNgramWeight = float.Parse(Paths.Option(args, "--char-weight", Default(defaults.Featurizer.CharNgramWeight)), CultureInfo.InvariantCulture),
                ContextWeight = float.Parse(Paths.Option(args, "--context-weight", Default(defaults.Featurizer.ContextWeight)), CultureInfo.InvariantCulture),
                CarriedWeight = float.Parse(Paths.Option(args, "--carried-weight", Default(defaults.Featurizer.CarriedWeight)), CultureInfo.InvariantCulture),
            },
        };
        var sentences = LabelledData.Read(data);
        var clock = Stopwatch.StartNew();
        CrossValidationResult cv = AttributionTrainer.CrossValidate(sentences, folds, options);
        double mean = cv.MacroF1.Mean, sd = cv.MacroF1.StandardDeviation;
        Console.WriteLine($"cv            {folds} folds by document: macro-F1 {mean:0.0000} ± {sd:0.0000}  ({clock.Elapsed.TotalSeconds:0.0} s)");

        AttributionModel model = AttributionTrainer.Train(sentences, options);
        foreach (string set in new[] { "dev", "seeds" })
        {
            string path = Path.Combine(Paths.Shared, "eval", set + ".csv");
            if (!File.Exists(path))
                continue;
            var gold = LabelledData.Read(path);
            EvaluationResult r = model.Evaluate(gold);
            Console.WriteLine($"{set,-13} accuracy {r.Accuracy:0.0000}  macro-F1 {r.MacroF1:0.0000}  log-loss {r.LogLoss:0.0000}   " +
                string.Join("  ", r.PerLabel.Where(p => p.Value.Support > 0).Select(p => $"{p.Key} {p.Value.F1:0.00}")));
            if (args.Contains("--errors"))
                PrintErrors(model, gold);
            foreach (string lang in new[] { "fr", "en" })
            {
                var part = gold.Where(s => s.DocumentId.StartsWith(lang, StringComparison.Ordinal)).ToList();
                if (part.Count > 0)
                    Console.WriteLine($"  {lang}          macro-F1 {model.Evaluate(part).MacroF1:0.0000} ({part.Count} sentences)");
            }
        }
        return 0;
    }

    private static void PrintErrors(AttributionModel model, IReadOnlyList<LabelledSentence> gold)
    {
        foreach (var document in gold.GroupBy(s => s.DocumentId))
        {
            var tags = model.AttributeSentences(document.Select(s => s.Text), new PredictionOptions { EvidenceCount = 3 });
            int i = 0;
            foreach (LabelledSentence s in document)
            {
                var t = tags[i++];
                if (t.Label != s.Label)
                    Console.WriteLine($"  {s.Label,-14} -> {t.Label,-14} {t.Confidence:0.00} {string.Join(",", t.Evidence.Select(e => e.Feature))} | {s.Text[..Math.Min(160, s.Text.Length)]}");
            }
        }
    }
}
