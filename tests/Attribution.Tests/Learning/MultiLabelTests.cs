using Attribution.Learning;

namespace Attribution.Tests.Learning;

public class MultiLabelTests
{
    [Fact]
    public void The_threshold_adds_second_labels_only_when_held_out_data_says_they_help()
    {
        // Label 1 is always the gold primary; half the sentences also have label 2, and those give it 0.3.
        var logs = new double[200][];
        var gold = new int[200][];
        for (int i = 0; i < logs.Length; i++)
        {
            bool second = i % 2 == 0;
            logs[i] = [Math.Log(0.05), Math.Log(second ? 0.65 : 0.9), Math.Log(second ? 0.3 : 0.05)];
            gold[i] = second ? [1, 2] : [1];
        }
        double threshold = SecondaryThreshold.Choose(logs, 1, gold);
        Assert.InRange(threshold, 0.06, 0.3);

        // When no sentence has a second label, none is added.
        var single = gold.Select(g => new[] { g[0] }).ToArray();
        Assert.Equal(SecondaryThreshold.None, SecondaryThreshold.Choose(logs, 1, single));
    }

    [Fact]
    public void A_model_trained_on_sentences_with_two_sources_predicts_both_and_reports_multi_label_figures()
    {
        // Ordinary articles, plus sentences where a military source speaks to Sana: MilitarySource|SANA.
        var data = TestCorpus.Generate(60, seed: 1).ToList();
        var random = new Random(2);
        string[] places = ["Alep", "Idleb", "Homs", "Douma"];
        for (int d = 0; d < 30; d++)
            data.Add(new LabelledSentence($"doc-{d:000}", 100, $"Une source militaire a déclaré à l'agence Sana que {places[random.Next(4)]} était sous contrôle.", ["MilitarySource", "SANA"]));
        AttributionModel model = AttributionTrainer.Train(data, TestCorpus.FastOptions() with { CalibrationFolds = 4, SecondaryLabelShare = 1.0 / 3 });
        Assert.InRange(model.Manifest.SecondaryThreshold, 0.01, 0.99);

        SentenceAttribution both = model.Predict("Une source militaire a déclaré à l'agence Sana que Hama était sous contrôle.");
        Assert.True(both.Labels.Count == 2, $"threshold {model.Manifest.SecondaryThreshold}, scores {string.Join(", ", both.Scores.Select(p => $"{p.Key} {p.Value:0.000}"))}");
        Assert.Equal(["MilitarySource", "SANA"], both.Labels.Order(StringComparer.Ordinal));
        Assert.Equal(both.Label, both.Labels[0]);
        SentenceAttribution one = model.Predict("Les combats se poursuivent à Alep depuis 3 jours.");
        Assert.Equal([one.Label], one.Labels);

        var test = new List<LabelledSentence>
        {
            new("t1", 0, "Une source militaire a déclaré à l'agence Sana que Homs était sous contrôle.", ["MilitarySource", "SANA"]),
            new("t1", 1, "Les combats se poursuivent à Idleb depuis 5 jours.", "None"),
        };
        EvaluationResult result = model.Evaluate(test);
        Assert.Equal(1, result.AllLabelsFound);
        Assert.Equal(1, result.PerLabelAllLabels["SANA"].Recall);
        Assert.Equal(1, result.PerLabelAllLabels["SANA"].Support);
        Assert.False(result.PerLabel.ContainsKey("SANA"), "primary-label metrics count only primary labels");
    }
}
