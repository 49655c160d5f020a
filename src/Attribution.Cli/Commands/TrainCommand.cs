using System.CommandLine;
using System.Diagnostics;

namespace Attribution.Cli.Commands;

/// <summary><c>train --data PATH... --model OUT.zip [--trainer sdca|lbfgs|fasttree] [--base-model OLD.zip] [--seed N]</c> and the trainer's options</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var model = new Option<string>("--model") { Description = "Where to write the trained model (.zip)", Required = true };
        var baseModel = new Option<string?>("--base-model") { Description = "Continue training this model on the new data (a linear model by L-BFGS from its weights, a tree model by more boosting rounds; new labels are added)" };
        var trainer = new TrainerFlags();
        var command = new Command("train", "Train a model from labelled CSV files") { data, model, baseModel };
        trainer.AddTo(command);
        command.SetAction(parse =>
        {
            string? basePath = parse.GetValue(baseModel);
            TrainerOptions options = trainer.Read(parse);
            AttributionModel? start = null;
            if (basePath is not null)
            {
                // The base model decides how training continues: linear models by L-BFGS, trees by boosting.
                start = CommonOptions.LoadModel(basePath);
                TrainerAlgorithm continued = start.Manifest.TrainerOptions.Algorithm == TrainerAlgorithm.FastTree ? TrainerAlgorithm.FastTree : TrainerAlgorithm.Lbfgs;
                if (trainer.TrainerGiven(parse) && options.Algorithm != continued)
                    throw new UsageException($"--base-model {basePath} continues with --trainer {continued.ToString().ToLowerInvariant()}; leave out --trainer or say that.");
                options = options with { Algorithm = continued };
            }
            string output = parse.GetRequiredValue(model);
            var sentences = LabelledData.Read(parse.GetRequiredValue(data));
            Console.Error.WriteLine($"training on {sentences.Count} sentences");
            var clock = Stopwatch.StartNew();
            var progress = new Progress(p => Console.Error.WriteLine($"{(options.Algorithm == TrainerAlgorithm.FastTree ? "round" : "pass")} {p.Pass}/{p.MaximumPasses}  loss {p.Loss:0.00000}"));
            AttributionModel trained = start is null
                ? AttributionTrainer.Train(sentences, options, progress)
                : AttributionTrainer.Train(sentences, start, options, progress);
            trained.Save(output);
            var m = trained.Manifest;
            Console.Error.WriteLine($"wrote {output}: {m.Labels.Count} labels, {m.TrainingData.Documents} documents, {m.TrainingData.Sentences} sentences, " +
                $"{m.Metrics.Passes} {(options.Algorithm == TrainerAlgorithm.FastTree ? "rounds" : "passes")}, training accuracy {m.Metrics.TrainingAccuracy:0.0000}, temperature {m.Temperature:0.000}, {clock.Elapsed.TotalSeconds:0.0} s");
            return ExitCodes.Success;
        });
        return command;
    }

    // Synchronous progress: System.Progress<T> would post to the thread pool and print out of order.
    private sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
