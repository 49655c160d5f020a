using System.CommandLine;
using System.Diagnostics;

namespace Attribution.Cli.Commands;

/// <summary><c>train --data PATH... --model OUT.zip [--trainer sdca|lbfgs] [--base-model OLD.zip] [--seed N]</c></summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var model = new Option<string>("--model") { Description = "Where to write the trained model (.zip)", Required = true };
        var trainer = new Option<string>("--trainer") { Description = "Training algorithm", DefaultValueFactory = _ => "sdca" };
        trainer.AcceptOnlyFromAmong("sdca", "lbfgs");
        var baseModel = new Option<string?>("--base-model") { Description = "Continue training this model on the new data (L-BFGS from its weights; new labels are added)" };
        var seed = new Option<int>("--seed") { Description = "Random seed (same data, options and seed: same model bytes)", DefaultValueFactory = _ => new TrainerOptions().Seed };
        var l2 = new Option<double?>("--l2") { Description = "L2 regularization strength (default 3e-6)" };
        var l1 = new Option<double?>("--l1") { Description = "L1 regularization strength (default 0)" };
        var passes = new Option<int?>("--passes") { Description = "Maximum passes over the data (default 40)" };
        var calibration = new Option<int?>("--calibration-folds") { Description = "Folds for fitting the confidence temperature; 0 skips calibration (default 5)" };

        var command = new Command("train", "Train a model from labelled CSV files") { data, model, trainer, baseModel, seed, l2, l1, passes, calibration };
        command.SetAction(parse =>
        {
            var defaults = new TrainerOptions();
            string? basePath = parse.GetValue(baseModel);
            if (basePath is not null && parse.GetResult(trainer) is { Implicit: false } && parse.GetValue(trainer) != "lbfgs")
                throw new UsageException("--base-model continues training with L-BFGS; leave out --trainer or say --trainer lbfgs.");
            var options = defaults with
            {
                Algorithm = parse.GetValue(trainer) == "lbfgs" || basePath is not null ? TrainerAlgorithm.Lbfgs : TrainerAlgorithm.Sdca,
                Seed = parse.GetValue(seed),
                L2Regularization = parse.GetValue(l2) ?? defaults.L2Regularization,
                L1Regularization = parse.GetValue(l1) ?? defaults.L1Regularization,
                MaximumPasses = parse.GetValue(passes) ?? defaults.MaximumPasses,
                CalibrationFolds = parse.GetValue(calibration) ?? defaults.CalibrationFolds,
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            string output = parse.GetRequiredValue(model);
            var sentences = LabelledData.Read(parse.GetRequiredValue(data));
            Console.Error.WriteLine($"training on {sentences.Count} sentences");
            var clock = Stopwatch.StartNew();
            var progress = new Progress(p => Console.Error.WriteLine($"pass {p.Pass}/{p.MaximumPasses}  loss {p.Loss:0.00000}"));
            AttributionModel trained = basePath is null
                ? AttributionTrainer.Train(sentences, options, progress)
                : AttributionTrainer.Train(sentences, CommonOptions.LoadModel(basePath), options, progress);
            trained.Save(output);
            var m = trained.Manifest;
            Console.Error.WriteLine($"wrote {output}: {m.Labels.Count} labels, {m.TrainingData.Documents} documents, {m.TrainingData.Sentences} sentences, " +
                $"{m.Metrics.Passes} passes, training accuracy {m.Metrics.TrainingAccuracy:0.0000}, temperature {m.Temperature:0.000}, {clock.Elapsed.TotalSeconds:0.0} s");
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
