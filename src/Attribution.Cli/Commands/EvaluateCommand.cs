using System.CommandLine;
using System.Text.Json;

namespace Attribution.Cli.Commands;

/// <summary><c>evaluate [--model M.zip] --data PATH... [--json] [--report OUT.html]</c></summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model();
        var data = CommonOptions.Data();
        var json = new Option<bool>("--json") { Description = "Print the metrics as one JSON object (schema in design.md)" };
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report: metrics, confusion heat map, per-label bars, reliability diagram, worst errors with their evidence" };
        var command = new Command("evaluate", "Measure a model against labelled CSV files") { model, data, json, report };
        command.SetAction(parse =>
        {
            var sentences = LabelledData.Read(parse.GetRequiredValue(data));
            AttributionModel m = CommonOptions.LoadModel(parse.GetValue(model));
            EvaluationResult result;
            if (parse.GetValue(report) is { } path)
            {
                var evaluation = EvaluationReport.Create(m, sentences, title: $"Attribution evaluation: {string.Join(", ", parse.GetRequiredValue(data).Select(Path.GetFileName))}");
                evaluation.WriteHtml(path);
                Console.Error.WriteLine($"wrote {path}");
                result = evaluation.Result;
            }
            else
                result = m.Evaluate(sentences);
            if (parse.GetValue(json))
                WriteJson(result, Console.OpenStandardOutput());
            else
                WriteTable(result, Console.Out);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes the evaluate --json object of design.md.</summary>
    public static void WriteJson(EvaluationResult result, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("sentences", result.Sentences);
        writer.WriteNumber("accuracy", MetricsJson.Round(result.Accuracy));
        writer.WriteNumber("macroF1", MetricsJson.Round(result.MacroF1));
        writer.WriteNumber("logLoss", MetricsJson.Round(result.LogLoss));
        MetricsJson.WriteLabels(writer, result.Confusion.Labels
            .Where(result.PerLabel.ContainsKey)
            .Select(l => (l, result.PerLabel[l].Precision, result.PerLabel[l].Recall, result.PerLabel[l].F1, (int?)result.PerLabel[l].Support)));
        MetricsJson.WriteConfusion(writer, result.Confusion);
        writer.WriteEndObject();
        writer.Flush();
        output.Write("\n"u8);
        output.Flush();
    }

    private static void WriteTable(EvaluationResult result, TextWriter output)
    {
        output.WriteLine($"sentences {result.Sentences}  accuracy {result.Accuracy:0.0000}  macro-F1 {result.MacroF1:0.0000}  log-loss {result.LogLoss:0.0000}  calibration error {result.ExpectedCalibrationError:0.0000}");
        output.WriteLine($"all labels (primary and secondary): every gold label found {result.AllLabelsFound:0.0000}  macro-F1 {result.AllLabelsMacroF1:0.0000}");
        output.WriteLine();
        output.WriteLine($"{"label",-16} {"precision",9} {"recall",9} {"f1",9} {"support",8}");
        foreach (string label in result.Confusion.Labels)
            if (result.PerLabel.TryGetValue(label, out LabelMetrics? m))
                output.WriteLine($"{label,-16} {m.Precision,9:0.0000} {m.Recall,9:0.0000} {m.F1,9:0.0000} {m.Support,8}");
        output.WriteLine();
        output.WriteLine("confusion (rows gold, columns predicted)");
        var labels = result.Confusion.Labels;
        output.WriteLine($"{"",-16} " + string.Join(" ", labels.Select(l => Abbreviate(l).PadLeft(6))));
        int[][] rows = result.Confusion.ToRows();
        for (int g = 0; g < labels.Count; g++)
            output.WriteLine($"{labels[g],-16} " + string.Join(" ", rows[g].Select(c => c.ToString().PadLeft(6))));
    }

    private static string Abbreviate(string label) => label.Length <= 6 ? label : label[..6];
}
