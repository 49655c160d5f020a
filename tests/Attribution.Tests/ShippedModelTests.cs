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
    public void The_training_data_covers_every_label_in_both_languages()
    {
        var data = LabelledData.Read(RepositoryPaths.Path("training-data"));
        string[] labels = ["OSDH", "SANA", "HezbollahMedia", "MilitarySource", "UN", "Other", "None"];
        foreach (string language in new[] { "fr-", "en-" })
            foreach (string label in labels)
                Assert.Contains(data, s => s.DocumentId.StartsWith(language, StringComparison.Ordinal) && s.Labels.Contains(label));
        Assert.True(data.Select(s => s.DocumentId).Distinct().Count() >= 40);
        Assert.True(data.Count >= 600);
    }
}
