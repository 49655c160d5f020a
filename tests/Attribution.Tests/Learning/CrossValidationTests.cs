namespace Attribution.Tests.Learning;

public class CrossValidationTests
{
    [Fact]
    public void Folds_split_by_document_so_a_word_unique_to_each_article_cannot_leak_its_label()
    {
        // Each article has a random label shared by all its sentences and a made-up word found only
        // in it. Were an article split between training and test, the model would learn the word and
        // score near 1; split by document, nothing predicts the label and accuracy stays near chance.
        var random = new Random(3);
        var data = new List<LabelledSentence>();
        for (int d = 0; d < 60; d++)
        {
            string label = random.Next(2) == 0 ? "A" : "B";
            string word = Name(d);
            for (int i = 0; i < 5; i++)
                data.Add(new LabelledSentence($"doc-{d}", i, $"{word} a parlé {i} fois.", label));
        }
        CrossValidationResult result = AttributionTrainer.CrossValidate(data, 5, TestCorpus.FastOptions());
        Assert.InRange(result.Accuracy.Mean, 0, 0.75);

        // Control: the same data split by sentence does leak, which is what the test would catch.
        var bySentence = data.Select(s => new LabelledSentence($"{s.DocumentId}-{s.Index}", 0, s.Text, s.Labels)).ToList();
        Assert.InRange(AttributionTrainer.CrossValidate(bySentence, 5, TestCorpus.FastOptions()).Accuracy.Mean, 0.9, 1);
    }

    // A made-up word of letters only, different for every article.
    private static string Name(int d) => $"{(char)('k' + d % 10)}{(char)('b' + d / 10)}orvath{(char)('q' + d % 7)}";

    [Fact]
    public void Every_sentence_is_tested_once_and_the_summary_is_the_mean_and_deviation_of_the_folds()
    {
        var data = TestCorpus.Generate(40, seed: 8);
        CrossValidationResult result = AttributionTrainer.CrossValidate(data, 4, TestCorpus.FastOptions());
        Assert.Equal(4, result.Folds.Count);
        Assert.Equal(data.Count, result.Sentences);
        Assert.Equal(data.Count, result.Folds.Sum(f => f.Sentences));
        Assert.Equal(data.Count, result.Confusion.ToRows().Sum(r => r.Sum()));
        double[] f1 = result.Folds.Select(f => f.MacroF1).ToArray();
        Assert.Equal(f1.Average(), result.MacroF1.Mean, 12);
        Assert.Equal(Math.Sqrt(f1.Sum(v => (v - f1.Average()) * (v - f1.Average())) / 3), result.MacroF1.StandardDeviation, 12);
        Assert.InRange(result.MacroF1.Mean, 0.8, 1);
        Assert.Equal(data.Count(s => s.Label == "OSDH"), result.PerLabel["OSDH"].Support);

        CrossValidationResult again = AttributionTrainer.CrossValidate(data, 4, TestCorpus.FastOptions());
        Assert.Equal(result.Folds.Select(f => f.LogLoss), again.Folds.Select(f => f.LogLoss));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttributionTrainer.CrossValidate(data, 1, TestCorpus.FastOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttributionTrainer.CrossValidate(data, 41, TestCorpus.FastOptions()));
    }
}
