namespace Attribution.Tests.Learning;

public class TrainerTests
{
    [Fact]
    public void Learns_the_cues_and_generalises_to_unseen_documents()
    {
        var train = TestCorpus.Generate(60, seed: 1);
        var test = TestCorpus.Generate(20, seed: 2).Select(s => new LabelledSentence("test-" + s.DocumentId, s.Index, s.Text, s.Labels)).ToList();
        AttributionModel model = AttributionTrainer.Train(train, TestCorpus.FastOptions());

        EvaluationResult result = model.Evaluate(test);
        Assert.True(result.Accuracy > 0.9, $"accuracy {result.Accuracy}");
        Assert.True(result.MacroF1 > 0.85, $"macro-F1 {result.MacroF1}");
        Assert.Equal(["MilitarySource", "None", "OSDH", "Other", "SANA", "UN"], model.Labels);
    }

    [Fact]
    public void Same_data_options_and_seed_give_byte_identical_models()
    {
        var data = TestCorpus.Generate(30);
        byte[] first = Bytes(AttributionTrainer.Train(data, TestCorpus.FastOptions(seed: 5)));
        byte[] second = Bytes(AttributionTrainer.Train(data, TestCorpus.FastOptions(seed: 5)));
        Assert.Equal(first, second);

        byte[] otherSeed = Bytes(AttributionTrainer.Train(data, TestCorpus.FastOptions(seed: 6) with { MaximumPasses = 2 }));
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void A_carried_sentence_takes_its_source_from_the_sentence_before()
    {
        AttributionModel model = AttributionTrainer.Train(TestCorpus.Generate(80), TestCorpus.FastOptions());
        var tags = model.AttributeSentences(["Selon Sana, 12 obus sont tombés sur Alep.", "« La situation est très grave », a-t-il ajouté."]);
        Assert.Equal("SANA", tags[1].Label);
        tags = model.AttributeSentences(["40 civils ont été tués à Homs, selon l'OSDH.", "« La situation est très grave », a-t-il ajouté."]);
        Assert.Equal("OSDH", tags[1].Label);
        // Evidence for the carried label points back into the first sentence.
        Assert.Contains(tags[1].Evidence, e => e.Feature.StartsWith("k1", StringComparison.Ordinal) && e.Start < tags[1].Start);
    }

    [Fact]
    public void Records_what_it_was_trained_on()
    {
        var data = TestCorpus.Generate(10);
        AttributionModel model = AttributionTrainer.Train(data, TestCorpus.FastOptions());
        TrainingDataSummary summary = model.Manifest.TrainingData;
        Assert.Equal(data.Count, summary.Sentences);
        Assert.Equal(10, summary.Documents);
        Assert.Equal(data.Count(s => s.Label == "OSDH"), summary.LabelCounts["OSDH"]);
        Assert.Equal(AttributionTrainer.HashData(data), summary.Sha256);
        Assert.NotEqual(summary.Sha256, AttributionTrainer.HashData(data.Skip(1)));
        Assert.InRange(model.Manifest.Metrics.Passes, 1, model.Manifest.TrainerOptions.MaximumPasses);
    }

    [Fact]
    public void Invalid_options_are_refused_naming_the_option()
    {
        var data = TestCorpus.Generate(3);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AttributionTrainer.Train(data, new TrainerOptions { L2Regularization = 0 }));
        Assert.Equal("L2Regularization", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => AttributionTrainer.Train(data, new TrainerOptions { Featurizer = new FeaturizerOptions { HashBits = 40 } }));
        Assert.Equal("HashBits", e.ParamName);
    }

    [Fact]
    public void Refuses_data_with_a_single_label_or_duplicate_sentences()
    {
        Assert.Throws<ArgumentException>(() => AttributionTrainer.Train([new LabelledSentence("d", 0, "Texte.", "None")]));
        Assert.Throws<ArgumentException>(() => AttributionTrainer.Train(
            [new LabelledSentence("d", 0, "Texte.", "None"), new LabelledSentence("d", 0, "Autre.", "OSDH")]));
    }

    [Fact]
    public void L1_regularization_zeroes_weights()
    {
        var data = TestCorpus.Generate(30);
        static int NonZero(AttributionModel m)
        {
            var stream = new MemoryStream();
            m.Save(stream);
            stream.Position = 0;
            using var zip = new System.IO.Compression.ZipArchive(stream);
            using var weights = new MemoryStream();
            zip.GetEntry("weights.bin")!.Open().CopyTo(weights);
            var floats = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(weights.ToArray().AsSpan(16));
            int count = 0;
            foreach (float w in floats)
                if (w != 0)
                    count++;
            return count;
        }
        int dense = NonZero(AttributionTrainer.Train(data, TestCorpus.FastOptions()));
        int sparse = NonZero(AttributionTrainer.Train(data, TestCorpus.FastOptions() with { L1Regularization = 1e-4 }));
        Assert.True(sparse < dense / 2, $"L1 kept {sparse} of {dense} non-zero weights");
    }

    internal static byte[] Bytes(AttributionModel model)
    {
        var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
