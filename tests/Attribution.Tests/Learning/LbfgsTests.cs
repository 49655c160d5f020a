namespace Attribution.Tests.Learning;

public class LbfgsTests
{
    private static TrainerOptions Lbfgs(int seed = 1) => TestCorpus.FastOptions(seed) with { Algorithm = TrainerAlgorithm.Lbfgs, MaximumPasses = 100 };

    private static List<LabelledSentence> Heldout(int documents, int seed) =>
        TestCorpus.Generate(documents, seed).Select(s => new LabelledSentence("h-" + s.DocumentId, s.Index, s.Text, s.Labels)).ToList();

    // A source the base corpus never has: Kurdish forces, in the same wire style.
    internal static List<LabelledSentence> Kurdish(int documents, int seed)
    {
        string[] templates =
        [
            "Les forces kurdes des YPG ont affirmé avoir repris {0}.",
            "Selon les YPG, {1} combattants ont été tués près de {0}.",
            "Un porte-parole des Forces démocratiques syriennes a indiqué que {0} était encerclée.",
        ];
        string[] places = ["Kobané", "Manbij", "Hassaké", "Qamichli", "Raqqa", "Tabqa"];
        var random = new Random(seed);
        var data = new List<LabelledSentence>();
        for (int d = 0; d < documents; d++)
        {
            data.Add(new LabelledSentence($"kurd-{seed}-{d}", 0, $"Les combats se poursuivent à {places[random.Next(places.Length)]} depuis {random.Next(2, 9)} jours.", "None"));
            for (int i = 1; i <= 3; i++)
                data.Add(new LabelledSentence($"kurd-{seed}-{d}", i,
                    string.Format(templates[random.Next(templates.Length)], places[random.Next(places.Length)], random.Next(3, 40)), "Kurdish"));
        }
        return data;
    }

    [Fact]
    public void Lbfgs_learns_the_cues_as_well_as_sdca_and_is_deterministic()
    {
        var train = TestCorpus.Generate(60, seed: 1);
        var test = Heldout(20, seed: 2);
        AttributionModel lbfgs = AttributionTrainer.Train(train, Lbfgs());
        AttributionModel sdca = AttributionTrainer.Train(train, TestCorpus.FastOptions());
        Assert.Equal("lbfgs", lbfgs.Manifest.Trainer);
        Assert.True(lbfgs.Evaluate(test).Accuracy > 0.9, $"accuracy {lbfgs.Evaluate(test).Accuracy}");
        Assert.InRange(lbfgs.Evaluate(test).MacroF1 - sdca.Evaluate(test).MacroF1, -0.05, 0.05);
        // Both minimize the same objective; L-BFGS gets as low as SDCA.
        Assert.InRange(lbfgs.Manifest.Metrics.Loss, 0, sdca.Manifest.Metrics.Loss * 1.05);

        var first = new MemoryStream();
        var second = new MemoryStream();
        lbfgs.Save(first);
        AttributionTrainer.Train(train, Lbfgs()).Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void An_l1_term_makes_owl_qn_zero_most_weights()
    {
        var train = TestCorpus.Generate(40, seed: 3);
        float[] dense = ((Attribution.Model.LinearModel)AttributionTrainer.Train(train, Lbfgs()).Parameters).CopyWeights();
        float[] sparse = ((Attribution.Model.LinearModel)AttributionTrainer.Train(train, Lbfgs() with { L1Regularization = 1e-3 }).Parameters).CopyWeights();
        int denseNonZero = dense.Count(w => w != 0), sparseNonZero = sparse.Count(w => w != 0);
        Assert.True(sparseNonZero * 4 < denseNonZero, $"{sparseNonZero} non-zero weights with L1, {denseNonZero} without");
        Assert.True(sparseNonZero > 0);
    }

    [Fact]
    public void Continued_training_learns_a_new_label_without_forgetting_the_old_ones()
    {
        AttributionModel old = AttributionTrainer.Train(TestCorpus.Generate(60, seed: 1), TestCorpus.FastOptions());
        Assert.DoesNotContain("Kurdish", old.Labels);
        var oldTest = Heldout(20, seed: 2);
        double before = old.Evaluate(oldTest).Accuracy;

        // The new data: a few documents of the new source, plus a few ordinary ones.
        var update = Kurdish(15, seed: 5).Concat(TestCorpus.Generate(6, seed: 6).Select(s => new LabelledSentence("u-" + s.DocumentId, s.Index, s.Text, s.Labels))).ToList();
        AttributionModel updated = AttributionTrainer.Train(update, old, TestCorpus.FastOptions() with { MaximumPasses = 100 });

        Assert.Equal(old.Labels.Append("Kurdish").Order(StringComparer.Ordinal), updated.Labels);
        Assert.Equal("lbfgs", updated.Manifest.Trainer);
        EvaluationResult newLabel = updated.Evaluate(Kurdish(8, seed: 7));
        Assert.True(newLabel.PerLabel["Kurdish"].Recall > 0.8, $"Kurdish recall {newLabel.PerLabel["Kurdish"].Recall}");
        double after = updated.Evaluate(oldTest).Accuracy;
        Assert.True(after > before - 0.05, $"old labels: accuracy {before:0.000} before, {after:0.000} after");

        // Trained on the new data alone from scratch, the old labels it rarely shows are lost.
        AttributionModel scratch = AttributionTrainer.Train(update, TestCorpus.FastOptions());
        Assert.True(scratch.Evaluate(oldTest).Accuracy < after, "the base model's knowledge made no difference");
    }
}
