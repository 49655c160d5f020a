namespace Attribution.Tests;

public class ShippedModelTests
{
    [Fact]
    public void The_shipped_model_was_trained_on_the_current_training_data()
    {
        AttributionModel model = AttributionModel.Load(RepositoryPaths.Path("models", "attribution.zip"));
        var data = LabelledData.Read(RepositoryPaths.Path("training-data"));
        Assert.True(AttributionTrainer.HashData(data) == model.Manifest.TrainingData.Sha256,
            "models/attribution.zip is out of date with training-data/: retrain it with the command in README.md");
        Assert.Equal(data.Count, model.Manifest.TrainingData.Sentences);
    }

    [Fact]
    public void The_embedded_default_model_is_the_shipped_file()
    {
        AttributionModel embedded = AttributionModel.LoadDefault();
        AttributionModel file = AttributionModel.Load(RepositoryPaths.Path("models", "attribution.zip"));
        Assert.Equal(file.Manifest.WeightsSha256, embedded.Manifest.WeightsSha256);
    }

    [Fact]
    public void The_training_data_meets_the_corpus_targets()
    {
        var stats = LabelledData.Validate(RepositoryPaths.Path("training-data"));
        Assert.Empty(stats.Errors);
        var languages = stats.Statistics.Languages.ToDictionary(l => l.Language);
        Assert.Equal(["en", "fr"], languages.Keys.Order());
        foreach (var (language, documents, sentences, perLabel, cues) in new[] { ("fr", 250, 5000, 300, 50), ("en", 80, 1500, 100, 30) })
        {
            LanguageStatistics s = languages[language];
            Assert.True(s.Documents >= documents && s.Sentences >= sentences, $"{language}: {s.Documents} documents, {s.Sentences} sentences");
            foreach (string label in new[] { "OSDH", "SANA", "HezbollahMedia", "MilitarySource", "UN", "Other", "None" })
                Assert.True(s.LabelCounts.GetValueOrDefault(label) >= perLabel, $"{language} {label}: {s.LabelCounts.GetValueOrDefault(label)}");
            Assert.True(s.DistinctCues >= cues, $"{language}: {s.DistinctCues} distinct cues");
            Assert.True(s.CarriedShare >= 0.15, $"{language}: carried share {s.CarriedShare:P1}");
        }
        foreach (string source in new[] { "OSDH", "SANA", "HezbollahMedia", "MilitarySource", "UN" })
            Assert.True(stats.Statistics.Total.HardNegatives.GetValueOrDefault(source) >= 100, $"hard negatives {source}");
    }

    [Fact]
    public void The_training_data_readme_quotes_the_current_statistics()
    {
        var result = Cli.CliRunner.Run(null, "validate-data", "--data", RepositoryPaths.Path("training-data"));
        Assert.Equal(0, result.ExitCode);
        string readme = File.ReadAllText(RepositoryPaths.Path("training-data", "README.md"));
        Assert.True(readme.Replace("\r\n", "\n").Contains(result.Stdout.Replace("\r\n", "\n").Trim()),
            "training-data/README.md is out of date: paste in the output of the validate-data command it quotes");
    }
}
