using System.Text.Json;

namespace Attribution.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("attribution-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteCorpus(string name, IEnumerable<LabelledSentence> sentences) =>
        TestCorpus.WriteCsv(Path.Combine(_folder, name), sentences);

    [Fact]
    public void Train_then_evaluate_json_prints_the_design_schema()
    {
        string train = WriteCorpus("train.csv", TestCorpus.Generate(40, seed: 3));
        string test = WriteCorpus("test.csv", TestCorpus.Generate(10, seed: 4));
        string model = Path.Combine(_folder, "m.zip");

        var trained = CliRunner.Run(null, "train", "--data", train, "--model", model, "--seed", "3");
        Assert.True(trained.ExitCode == 0, trained.Stderr);
        Assert.True(File.Exists(model));

        var evaluated = CliRunner.Run(null, "evaluate", "--model", model, "--data", test, "--json");
        Assert.True(evaluated.ExitCode == 0, evaluated.Stderr);
        using JsonDocument json = JsonDocument.Parse(evaluated.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(["sentences", "accuracy", "macroF1", "logLoss", "labels", "confusion"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(LabelledData.Read(test).Count, root.GetProperty("sentences").GetInt32());
        Assert.InRange(root.GetProperty("macroF1").GetDouble(), 0.8, 1.0);
        JsonElement osdh = root.GetProperty("labels").GetProperty("OSDH");
        Assert.Equal(["precision", "recall", "f1", "support"], osdh.EnumerateObject().Select(p => p.Name));
        var labels = root.GetProperty("confusion").GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
        var matrix = root.GetProperty("confusion").GetProperty("matrix");
        Assert.Equal(labels.Count, matrix.GetArrayLength());
        Assert.Equal(root.GetProperty("sentences").GetInt32(), matrix.EnumerateArray().SelectMany(r => r.EnumerateArray()).Sum(c => c.GetInt32()));
    }

    [Fact]
    public void Evaluate_report_writes_an_html_file_and_still_prints_the_metrics()
    {
        string test = WriteCorpus("test.csv", TestCorpus.Generate(8, seed: 4));
        string report = Path.Combine(_folder, "report.html");
        var result = CliRunner.Run(null, "evaluate", "--data", test, "--report", report);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith("sentences ", result.Stdout);
        Assert.Contains("Attribution evaluation: test.csv", File.ReadAllText(report));
    }

    [Fact]
    public void Train_with_a_base_model_continues_by_lbfgs_and_adds_the_new_label()
    {
        string first = WriteCorpus("first.csv", TestCorpus.Generate(30, seed: 3));
        string more = WriteCorpus("more.csv", TestCorpus.Generate(5, seed: 4)
            .Select(s => s.Index == 1 ? new LabelledSentence(s.DocumentId, s.Index, "Les YPG ont affirmé avoir repris Kobané.", "Kurdish") : s));
        string old = Path.Combine(_folder, "old.zip"), updated = Path.Combine(_folder, "new.zip");
        Assert.Equal(0, CliRunner.Run(null, "train", "--data", first, "--model", old, "--calibration-folds", "0").ExitCode);
        var result = CliRunner.Run(null, "train", "--data", more, "--model", updated, "--base-model", old, "--calibration-folds", "0");
        Assert.True(result.ExitCode == 0, result.Stderr);
        AttributionModel model = AttributionModel.Load(updated);
        Assert.Contains("Kurdish", model.Labels);
        Assert.Contains("OSDH", model.Labels);
        Assert.Equal(TrainerAlgorithm.Lbfgs, model.Manifest.TrainerOptions.Algorithm);
        Assert.Equal(2, CliRunner.Run(null, "train", "--data", more, "--model", updated, "--base-model", old, "--trainer", "sdca").ExitCode);
    }

    [Fact]
    public void Train_fasttree_with_tree_options_then_info_and_predict_with_secondary_sources()
    {
        string train = WriteCorpus("trees.csv", TestCorpus.Generate(40, seed: 3));
        string model = Path.Combine(_folder, "trees.zip");
        var trained = CliRunner.Run(null, "train", "--data", train, "--model", model, "--trainer", "fasttree", "--trees", "12", "--leaves", "8", "--calibration-folds", "3");
        Assert.True(trained.ExitCode == 0, trained.Stderr);
        Assert.Contains("round 12/12", trained.Stderr);
        FastTreeOptions options = AttributionModel.Load(model).Manifest.TrainerOptions.Trees;
        Assert.Equal((12, 8), (options.NumberOfTrees, options.NumberOfLeaves));

        var info = CliRunner.Run(null, "info", "--model", model);
        Assert.Contains("fasttree (seed 1, 12 rounds, 8 leaves", info.Stdout);
        Assert.Contains("secondary sources from probability", info.Stdout);

        var predicted = CliRunner.Run(null, "predict", "--model", model, "Selon Sana, 12 obus sont tombés sur Alep.");
        Assert.True(predicted.ExitCode == 0, predicted.Stderr);
        Assert.StartsWith("SANA\t", predicted.Stdout);
        Assert.Equal(2, CliRunner.Run(null, "train", "--data", train, "--model", model, "--trainer", "fasttree", "--leaves", "1").ExitCode);
    }

    [Fact]
    public void Cv_json_prints_the_evaluate_fields_as_means_then_folds_std_and_per_fold_figures()
    {
        string data = WriteCorpus("data.csv", TestCorpus.Generate(30, seed: 5));
        var result = CliRunner.Run(null, "cv", "--data", data, "--folds", "3", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(["sentences", "accuracy", "macroF1", "logLoss", "labels", "confusion", "folds", "std", "perFold"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, root.GetProperty("folds").GetInt32());
        var folds = root.GetProperty("perFold").EnumerateArray().ToList();
        Assert.Equal(3, folds.Count);
        Assert.Equal(LabelledData.Read(data).Count, root.GetProperty("sentences").GetInt32());
        Assert.Equal(root.GetProperty("sentences").GetInt32(), folds.Sum(f => f.GetProperty("sentences").GetInt32()));
        Assert.Equal(folds.Average(f => f.GetProperty("macroF1").GetDouble()), root.GetProperty("macroF1").GetDouble(), 5);
        Assert.Equal(["precision", "recall", "f1"], root.GetProperty("std").GetProperty("labels").GetProperty("OSDH").EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, CliRunner.Run(null, "cv", "--data", data, "--folds", "1").ExitCode);
    }

    [Fact]
    public void Predict_prints_label_confidence_and_text_per_sentence_from_stdin_or_argument()
    {
        var fromStdin = CliRunner.Run("Selon l'OSDH, 12 morts à Alep.\nLe conflit dure depuis 2011.", "predict");
        Assert.True(fromStdin.ExitCode == 0, fromStdin.Stderr);
        string[] lines = fromStdin.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        string[] fields = lines[0].Split('\t');
        Assert.Equal(3, fields.Length);
        Assert.Contains(fields[0], AttributionModel.LoadDefault().Labels);
        Assert.InRange(double.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), 0, 1);
        Assert.Equal("Selon l'OSDH, 12 morts à Alep.", fields[2]);

        var fromArgument = CliRunner.Run(null, "predict", "Selon l'OSDH, 12 morts à Alep.");
        Assert.Equal(lines[0], fromArgument.Stdout.TrimEnd('\n'));
    }

    [Fact]
    public void Predict_explain_adds_the_cue_and_the_strongest_features_under_each_sentence()
    {
        var result = CliRunner.Run(null, "predict", "--explain", "Huit civils ont été tués à Alep, selon l'OSDH. Les combats continuent.");
        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith("OSDH\t", lines[0]);
        Assert.Equal("  cue \"selon\" at 33+5", lines[1]);
        Assert.Matches(@"^\s+\+\d\.\d{3} \S+", lines[2]);
        Assert.Equal(2, lines.Count(l => !l.StartsWith(' ')));
    }

    [Fact]
    public void Bad_csv_exits_2_naming_the_file_and_line()
    {
        string bad = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(bad, "doc_id,sentence_index,text,labels\nd,0,Bon.,None\nd,deux,Mauvais.,None\n");
        var result = CliRunner.Run(null, "evaluate", "--data", bad);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{bad}:3: sentence_index 'deux'", result.Stderr);
    }

    [Fact]
    public void Bad_model_file_and_bad_usage_exit_2_with_a_message()
    {
        string notAModel = Path.Combine(_folder, "m.zip");
        File.WriteAllText(notAModel, "hello");
        var result = CliRunner.Run(null, "info", "--model", notAModel);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a model file", result.Stderr);

        result = CliRunner.Run(null, "info", "--model", Path.Combine(_folder, "missing.zip"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not found", result.Stderr);

        result = CliRunner.Run(null, "train", "--model", "x.zip");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--data", result.Stderr);

        result = CliRunner.Run(null, "frobnicate");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Info_describes_the_default_model()
    {
        var result = CliRunner.Run(null, "info");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("labels", result.Stdout);
        Assert.Contains("OSDH", result.Stdout);
        Assert.Contains("sha256", result.Stdout);
    }

    [Fact]
    public void Validate_data_prints_statistics_and_names_every_bad_row()
    {
        string good = WriteCorpus("good.csv", TestCorpus.Generate(12, seed: 5));
        var ok = CliRunner.Run(null, "validate-data", "--data", good);
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        Assert.Contains("| language | documents | sentences |", ok.Stdout);
        Assert.Contains($"| all | 12 | {LabelledData.Read(good).Count} |", ok.Stdout);

        string bad = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(bad, "doc_id,sentence_index,text,labels\nd,0,Bon.,None\nd,1,,None\nd,x,Mauvais.,None\n");
        var failed = CliRunner.Run(null, "validate-data", "--data", good, bad, "--json");
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains($"{bad}:3:", failed.Stderr);
        Assert.Contains($"{bad}:4:", failed.Stderr);
        using JsonDocument json = JsonDocument.Parse(failed.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("errors").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("languages").GetProperty("all").GetProperty("carriedShare").GetDouble() >= 0);
    }
}
