using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;

namespace Attribution.Cli.Commands;

/// <summary>
/// <c>cv --data PATH... [--folds 5] [--trainer sdca|lbfgs|fasttree] [--seed N] [--json]</c> and the trainer's options: k-fold
/// cross-validation with folds split by document; every metric as mean and standard deviation.
/// </summary>
internal static class CvCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var folds = new Option<int>("--folds") { Description = "Number of folds (documents are dealt to folds)", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: the evaluate --json fields as means, plus folds, std and perFold" };
        var trainer = new TrainerFlags();
        var command = new Command("cv", "Cross-validate the trainer on labelled CSV files, folds split by document") { data, folds, json };
        trainer.AddTo(command);
        command.SetAction(parse =>
        {
            TrainerOptions options = trainer.Read(parse);
            var sentences = LabelledData.Read(parse.GetRequiredValue(data));
            int k = parse.GetValue(folds);
            int documents = sentences.Select(s => s.DocumentId).Distinct(StringComparer.Ordinal).Count();
            if (k < 2 || k > documents)
                throw new UsageException($"--folds must be between 2 and the number of documents ({documents}).");
            var clock = Stopwatch.StartNew();
            var progress = new Progress<int>(f => Console.Error.WriteLine($"fold {f}/{k} done ({clock.Elapsed.TotalSeconds:0.0} s)"));
            CrossValidationResult result = AttributionTrainer.CrossValidate(sentences, k, options, progress);
            if (parse.GetValue(json))
                WriteJson(result, Console.OpenStandardOutput());
            else
                WriteTable(result, Console.Out);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The <c>evaluate --json</c> object with means in place of single values (support and confusion
    /// are totals over the folds), then <c>folds</c>, <c>std</c> (the standard deviations, same shape)
    /// and <c>perFold</c>.
    /// </summary>
    public static void WriteJson(CrossValidationResult result, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("sentences", result.Sentences);
        writer.WriteNumber("accuracy", Round(result.Accuracy.Mean));
        writer.WriteNumber("macroF1", Round(result.MacroF1.Mean));
        writer.WriteNumber("logLoss", Round(result.LogLoss.Mean));
        MetricsJson.WriteLabels(writer, result.Confusion.Labels.Select(l => result.PerLabel[l])
            .Zip(result.Confusion.Labels, (m, l) => (l, m.Precision.Mean, m.Recall.Mean, m.F1.Mean, (int?)m.Support)));
        MetricsJson.WriteConfusion(writer, result.Confusion);
        writer.WriteNumber("folds", result.Folds.Count);
        writer.WriteStartObject("std");
        writer.WriteNumber("accuracy", Round(result.Accuracy.StandardDeviation));
        writer.WriteNumber("macroF1", Round(result.MacroF1.StandardDeviation));
        writer.WriteNumber("logLoss", Round(result.LogLoss.StandardDeviation));
        MetricsJson.WriteLabels(writer, result.Confusion.Labels.Select(l => result.PerLabel[l])
            .Zip(result.Confusion.Labels, (m, l) => (l, m.Precision.StandardDeviation, m.Recall.StandardDeviation, m.F1.StandardDeviation, (int?)null)));
        writer.WriteEndObject();
        writer.WriteStartArray("perFold");
        foreach (EvaluationResult fold in result.Folds)
        {
            writer.WriteStartObject();
            writer.WriteNumber("sentences", fold.Sentences);
            writer.WriteNumber("accuracy", Round(fold.Accuracy));
            writer.WriteNumber("macroF1", Round(fold.MacroF1));
            writer.WriteNumber("logLoss", Round(fold.LogLoss));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.Write("\n"u8);
        output.Flush();
    }

    private static void WriteTable(CrossValidationResult result, TextWriter output)
    {
        output.WriteLine($"{result.Folds.Count} folds by document, {result.Sentences} sentences");
        output.WriteLine($"accuracy {Format(result.Accuracy)}  macro-F1 {Format(result.MacroF1)}  log-loss {Format(result.LogLoss)}");
        output.WriteLine($"all labels (primary and secondary): every gold label found {Format(result.AllLabelsFound)}  macro-F1 {Format(result.AllLabelsMacroF1)}");
        output.WriteLine();
        output.WriteLine($"{"label",-16} {"precision",17} {"recall",17} {"f1",17} {"support",8}");
        foreach (string label in result.Confusion.Labels)
        {
            LabelSummary s = result.PerLabel[label];
            output.WriteLine($"{label,-16} {Format(s.Precision),17} {Format(s.Recall),17} {Format(s.F1),17} {s.Support,8}");
        }
    }

    private static string Format(MetricSummary m) => $"{m.Mean:0.0000} ± {m.StandardDeviation:0.0000}";

    private static double Round(double value) => MetricsJson.Round(value);
}
