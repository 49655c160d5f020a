using System.CommandLine;
using System.Globalization;

namespace Attribution.Cli.Commands;

/// <summary><c>info [--model M.zip]</c>: labels, trainer, features, training data, metrics at training time.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model();
        var command = new Command("info", "Describe a model: labels, trainer, features, training data, metrics") { model };
        command.SetAction(parse =>
        {
            string? path = parse.GetValue(model);
            ModelManifest m = CommonOptions.LoadModel(path).Manifest;
            var o = m.TrainerOptions;
            var f = o.Featurizer;
            var inv = CultureInfo.InvariantCulture;
            Console.Out.WriteLine($"model           {path ?? "(default model)"}");
            Console.Out.WriteLine($"format version  {m.FormatVersion}");
            Console.Out.WriteLine($"labels          {string.Join(", ", m.Labels)}");
            bool trees = o.Algorithm == TrainerAlgorithm.FastTree;
            var t = o.Trees;
            Console.Out.WriteLine(trees
                ? string.Create(inv, $"trainer         {m.Trainer} (seed {o.Seed}, {t.NumberOfTrees} rounds, {t.NumberOfLeaves} leaves, {t.MinimumExampleCountPerLeaf} per leaf, learning rate {t.LearningRate}, rows {t.RowSampleFraction}, features {t.FeatureFraction})")
                : string.Create(inv, $"trainer         {m.Trainer} (seed {o.Seed}, L2 {o.L2Regularization}, L1 {o.L1Regularization}, max passes {o.MaximumPasses}, tolerance {o.ConvergenceTolerance})"));
            string characters = f.CharNgramMax > 0 ? string.Create(inv, $"char {f.CharNgramMin}-{f.CharNgramMax}-grams (weight {f.CharNgramWeight}), ") : "";
            Console.Out.WriteLine(string.Create(inv, $"features        2^{f.HashBits} hashed: words, word bigrams, {characters}shape, {f.ContextSentences} previous sentences (weight {f.ContextWeight}, carried {f.CarriedWeight})"));
            Console.Out.WriteLine(string.Create(inv, $"calibration     temperature {m.Temperature:0.000}, secondary sources from probability {m.SecondaryThreshold:0.00}"));
            Console.Out.WriteLine($"training data   {m.TrainingData.Documents} documents, {m.TrainingData.Sentences} sentences, sha256 {m.TrainingData.Sha256}");
            foreach (var (label, count) in m.TrainingData.LabelCounts)
                Console.Out.WriteLine($"  {label,-16} {count}");
            Console.Out.WriteLine(string.Create(inv, $"at training end {m.Metrics.Passes} {(trees ? "rounds" : "passes")}, loss {m.Metrics.Loss:0.00000}, training accuracy {m.Metrics.TrainingAccuracy:0.0000}, training macro-F1 {m.Metrics.TrainingMacroF1:0.0000}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
