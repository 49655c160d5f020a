using Attribution.Features;
using Attribution.IO;
using Attribution.Learning;
using Attribution.Model;

namespace Attribution.Tests.Learning;

public class FastTreeTests
{
    private static TrainerOptions Trees(int trees = 40, int seed = 1) => TestCorpus.FastOptions(seed) with
    {
        Algorithm = TrainerAlgorithm.FastTree,
        Trees = new FastTreeOptions { NumberOfTrees = trees },
    };

    private static readonly string[] Filler =
        ["les", "combats", "ville", "nord", "route", "jour", "matin", "quartier", "convoi", "pont", "marché", "école", "colline", "village"];

    /// <summary>
    /// Exclusive or: "Mixte" when exactly one of the words "rouge" and "vert" is in the sentence
    /// (never side by side), "Pur" when both or neither are. No weighting of single words separates
    /// it, so a linear model cannot beat 75%; a tree splits on one word, then on the other.
    /// </summary>
    private static List<LabelledSentence> ExclusiveOr(int count, int seed)
    {
        var random = new Random(seed);
        var data = new List<LabelledSentence>();
        for (int i = 0; i < count; i++)
        {
            bool red = random.Next(2) == 0, green = random.Next(2) == 0;
            var words = Enumerable.Range(0, 8).Select(_ => Filler[random.Next(Filler.Length)]).ToList();
            if (red)
                words.Insert(1, "rouge");
            if (green)
                words.Insert(words.Count - 1, "vert");
            data.Add(new LabelledSentence($"x-{seed}-{i}", 0, string.Join(' ', words) + ".", red ^ green ? "Mixte" : "Pur"));
        }
        return data;
    }

    [Fact]
    public void Trees_learn_an_exclusive_or_that_a_linear_model_cannot()
    {
        var train = ExclusiveOr(1000, seed: 1);
        var test = ExclusiveOr(300, seed: 2);
        double linear = AttributionTrainer.Train(train, TestCorpus.FastOptions()).Evaluate(test).Accuracy;
        AttributionModel trees = AttributionTrainer.Train(train, Trees(trees: 100));
        double treeAccuracy = trees.Evaluate(test).Accuracy;
        Assert.Equal("fasttree", trees.Manifest.Trainer);
        Assert.True(linear < 0.8, $"linear accuracy {linear}");
        Assert.True(treeAccuracy > 0.97, $"tree accuracy {treeAccuracy}");
    }

    [Fact]
    public void Trees_learn_the_cues_and_explain_by_the_words_on_their_paths()
    {
        var train = TestCorpus.Generate(80, seed: 1);
        var test = TestCorpus.Generate(20, seed: 2).Select(s => new LabelledSentence("h-" + s.DocumentId, s.Index, s.Text, s.Labels)).ToList();
        AttributionModel model = AttributionTrainer.Train(train, Trees());
        Assert.True(model.Evaluate(test).Accuracy > 0.9, $"accuracy {model.Evaluate(test).Accuracy}");

        const string sentence = "Selon Sana, 12 obus sont tombés sur Alep.";
        SentenceAttribution result = model.Predict(sentence, new PredictionOptions { EvidenceCount = 5 });
        Assert.Equal("SANA", result.Label);
        Assert.NotEmpty(result.Evidence);
        Assert.All(result.Evidence, e => Assert.True(e.Contribution > 0));
        // The strongest evidence is read from the word that names the source.
        Assert.Equal("Sana", sentence.Substring(result.Evidence[0].Start, result.Evidence[0].Length));
        // Saabas: the contributions to the label, relative to the mean label, are what the paths add.
        Assert.True(result.Evidence.Sum(e => e.Contribution) > 0);
    }

    [Fact]
    public void Training_is_deterministic_and_a_saved_model_predicts_the_same_after_loading()
    {
        var train = TestCorpus.Generate(40, seed: 3);
        var options = Trees(trees: 15) with { Trees = new FastTreeOptions { NumberOfTrees = 15, RowSampleFraction = 0.7, FeatureFraction = 0.8 } };
        var first = new MemoryStream();
        var second = new MemoryStream();
        AttributionModel model = AttributionTrainer.Train(train, options);
        model.Save(first);
        AttributionTrainer.Train(train, options).Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());

        first.Position = 0;
        AttributionModel loaded = AttributionModel.Load(first);
        Assert.Equal(TrainerAlgorithm.FastTree, loaded.Manifest.TrainerOptions.Algorithm);
        Assert.Equal(0.7, loaded.Manifest.TrainerOptions.Trees.RowSampleFraction);
        const string article = "Selon l'ONU, 300 familles ont fui Homs. Les combats se poursuivent à Homs depuis 4 jours.";
        var before = model.Attribute(article);
        var after = loaded.Attribute(article);
        Assert.Equal(before.Select(s => (s.Label, s.Confidence)), after.Select(s => (s.Label, s.Confidence)));
    }

    [Fact]
    public void Calibration_applies_to_trees_too()
    {
        var train = TestCorpus.Generate(50, seed: 4);
        AttributionModel model = AttributionTrainer.Train(train, Trees(trees: 20) with { CalibrationFolds = 3 });
        Assert.NotEqual(1.0, model.Manifest.Temperature);
        Assert.InRange(model.Manifest.Temperature, Math.Exp(-3), Math.Exp(3));
    }

    [Fact]
    public void Continued_boosting_learns_a_new_label_without_forgetting_the_old_ones()
    {
        AttributionModel old = AttributionTrainer.Train(TestCorpus.Generate(60, seed: 1), Trees());
        var oldTest = TestCorpus.Generate(20, seed: 2).Select(s => new LabelledSentence("h-" + s.DocumentId, s.Index, s.Text, s.Labels)).ToList();
        double before = old.Evaluate(oldTest).Accuracy;

        var update = LbfgsTests.Kurdish(15, seed: 5).Concat(TestCorpus.Generate(6, seed: 6).Select(s => new LabelledSentence("u-" + s.DocumentId, s.Index, s.Text, s.Labels))).ToList();
        AttributionModel updated = AttributionTrainer.Train(update, old, Trees(trees: 20));

        Assert.Equal("fasttree", updated.Manifest.Trainer);
        Assert.Equal(old.Labels.Append("Kurdish").Order(StringComparer.Ordinal), updated.Labels);
        // The old trees are kept, the new rounds added.
        Assert.Equal(((TreeEnsemble)old.Parameters).Trees.Count + 20 * updated.Labels.Count, ((TreeEnsemble)updated.Parameters).Trees.Count);
        EvaluationResult newLabel = updated.Evaluate(LbfgsTests.Kurdish(8, seed: 7));
        Assert.True(newLabel.PerLabel["Kurdish"].Recall > 0.8, $"Kurdish recall {newLabel.PerLabel["Kurdish"].Recall}");
        double after = updated.Evaluate(oldTest).Accuracy;
        Assert.True(after > before - 0.05, $"old labels: accuracy {before:0.000} before, {after:0.000} after");
    }

    [Fact]
    public void Bins_are_at_most_the_maximum_and_agree_with_the_thresholds()
    {
        // One feature (slot 3) with 1,000 distinct values, one (slot 5) with two, one (slot 7) too rare to keep.
        var rows = new List<FeatureVector>();
        for (int i = 0; i < 1000; i++)
        {
            var slots = new List<int> { 3 };
            var values = new List<float> { 1 + i * 0.01f };
            if (i % 2 == 0)
            {
                slots.Add(5);
                values.Add(i % 4 == 0 ? 1f : 2f);
            }
            if (i < 3)
            {
                slots.Add(7);
                values.Add(1f);
            }
            slots.Add(16);
            values.Add(1f);
            rows.Add(new FeatureVector(slots.ToArray(), values.ToArray()));
        }
        BinnedFeatures data = BinnedFeatures.Create(rows, dimension: 17, maximumBins: 32, minimumCount: 10);
        Assert.Equal([3, 5], data.Slot);
        Assert.Equal(32, data.BinCount(0));
        Assert.Equal(3, data.BinCount(1));
        for (int r = 0; r < rows.Count; r++)
            for (int f = 0; f < data.Features; f++)
            {
                float value = new VectorValues(rows[r]).ValueOf(data.Slot[f]);
                int at = Array.BinarySearch(data.Feature, data.RowStart[r], data.RowStart[r + 1] - data.RowStart[r], f);
                int bin = at >= 0 ? data.Bin[at] : 0;
                // The bin is the first whose threshold (largest member) is at least the value.
                Assert.True(value <= data.Threshold[data.BinOffset[f] + bin]);
                if (bin > 0)
                    Assert.True(value > data.Threshold[data.BinOffset[f] + bin - 1]);
            }
    }

    /// <summary>A random tree of <paramref name="leaves"/> leaves: each new split turns a random leaf into a node.</summary>
    private static RegressionTree RandomTree(Random random, int label, int leaves, int slots)
    {
        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var parentOf = new List<(int Node, bool Left)> { (-1, true) };
        for (int split = 0; split < leaves - 1; split++)
        {
            int leaf = random.Next(parentOf.Count), node = feature.Count;
            feature.Add(random.Next(slots));
            threshold.Add(random.Next(3) == 0 ? 0f : random.Next(1, 4) * 0.5f);
            left.Add(~leaf);
            right.Add(~parentOf.Count);
            var (parent, isLeft) = parentOf[leaf];
            if (parent >= 0)
                (isLeft ? left : right)[parent] = node;
            parentOf[leaf] = (node, true);
            parentOf.Add((node, false));
        }
        return new RegressionTree(label, feature.ToArray(), threshold.ToArray(), left.ToArray(), right.ToArray(),
            new float[feature.Count], Enumerable.Range(0, leaves).Select(_ => (float)random.NextDouble()).ToArray());
    }

    [Theory]
    [InlineData(20)]
    [InlineData(64)]
    [InlineData(90)]
    public void Scoring_by_masks_gives_what_walking_each_tree_gives(int leaves)
    {
        var random = new Random(leaves);
        RegressionTree[] trees = Enumerable.Range(0, 30).Select(t => RandomTree(random, t % 3, leaves, slots: 40)).ToArray();
        var ensemble = new TreeEnsemble([0.1f, 0.2f, 0.3f], trees);
        for (int i = 0; i < 300; i++)
        {
            // Sparse sentences whose values sit below, on and above the thresholds.
            int[] slots = Enumerable.Range(0, 40).Where(_ => random.Next(4) == 0).Append(40).ToArray();
            float[] values = slots.Select(_ => random.Next(1, 5) * 0.5f).ToArray();
            var vector = new FeatureVector(slots, values);
            var scores = new double[3];
            ensemble.Scores(vector, scores);
            var walked = new double[] { 0.1f, 0.2f, 0.3f };
            foreach (RegressionTree tree in trees)
                walked[tree.Label] += tree.LeafValue[tree.Leaf(new VectorValues(vector))];
            Assert.Equal(walked, scores);
        }
    }

    [Fact]
    public void A_tree_file_whose_nodes_point_backwards_is_refused()
    {
        var tree = new RegressionTree(0, [3, 4], [0.5f, 0.5f], [1, ~0], [~1, ~2], [0f, 0f], [1f, 2f, 3f]);
        byte[] good = TreeEnsembleFile.Write(new TreeEnsemble([0f, 0f], [tree]));
        Assert.Equal(2, TreeEnsembleFile.Read(good, 2, 17, 1, "test").Trees[0].InternalNodes);

        // Node 1's left child, after the header (24 bytes), label, size, features and thresholds, made node 0: a cycle.
        byte[] cyclic = (byte[])good.Clone();
        BitConverter.TryWriteBytes(cyclic.AsSpan(24 + 8 + 8 + 8 + 4), 0);
        var e = Assert.Throws<ModelFormatException>(() => TreeEnsembleFile.Read(cyclic, 2, 17, 1, "test"));
        Assert.Contains("child reference", e.Message);
        Assert.Throws<ModelFormatException>(() => TreeEnsembleFile.Read(good, 2, 4, 1, "test"));
        Assert.Throws<ModelFormatException>(() => TreeEnsembleFile.Read(good[..^3], 2, 17, 1, "test"));
        Assert.Throws<ModelFormatException>(() => TreeEnsembleFile.Read(good, 3, 17, 1, "test"));
    }
}
