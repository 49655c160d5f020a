using System.Text;

namespace Attribution.Tests.Model;

public class ModelFileTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private const string Article = "Selon l'OSDH, 14 civils ont été tués à Idleb.\n« C'est un massacre », a-t-il ajouté.\nL'armée a repris Douma.";

    [Fact]
    public void Save_then_load_gives_the_same_predictions_and_the_same_bytes()
    {
        string path = Path.Combine(Path.GetTempPath(), $"attribution-{Guid.NewGuid():N}.zip");
        try
        {
            fixture.Model.Save(path);
            AttributionModel loaded = AttributionModel.Load(path);
            Assert.Equal(fixture.Model.Labels, loaded.Labels);
            var before = fixture.Model.Attribute(Article);
            var after = loaded.Attribute(Article);
            Assert.Equal(before.Select(s => (s.Label, s.Confidence)), after.Select(s => (s.Label, s.Confidence)));
            Assert.Equal(fixture.Bytes, File.ReadAllBytes(path));
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + ".*.tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_loaded_model_saves_to_the_bytes_it_was_loaded_from_so_every_manifest_field_is_read()
    {
        AttributionModel loaded = AttributionModel.Load(new MemoryStream(fixture.Bytes));
        var saved = new MemoryStream();
        loaded.Save(saved);
        Assert.Equal(fixture.Bytes, saved.ToArray());
        Assert.Equal(fixture.Model.Manifest.TrainerOptions, loaded.Manifest.TrainerOptions);
        Assert.Equal(fixture.Model.Manifest.TrainingData.LabelCounts, loaded.Manifest.TrainingData.LabelCounts);
    }

    [Fact]
    public void Refuses_a_file_that_is_not_a_zip()
    {
        var e = Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream(Encoding.UTF8.GetBytes("doc_id,sentence_index,text,labels\n"))));
        Assert.Contains("not a model file", e.Message);
    }

    [Fact]
    public void Refuses_a_truncated_file()
    {
        byte[] truncated = fixture.Bytes[..(fixture.Bytes.Length / 2)];
        Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream(truncated)));
    }

    [Fact]
    public void Refuses_weights_whose_bytes_were_changed()
    {
        byte[] damaged = ModelFileEditor.Rewrite(fixture.Bytes, weights: w => w[100] ^= 0x40);
        var e = Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream(damaged)));
        Assert.Contains("SHA-256", e.Message);
    }

    [Fact]
    public void Refuses_an_unknown_format_version()
    {
        byte[] future = ModelFileEditor.Rewrite(fixture.Bytes, manifest: m => m["formatVersion"] = 99);
        var e = Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream(future)));
        Assert.Contains("version 99", e.Message);
    }

    [Fact]
    public void Refuses_a_manifest_whose_sizes_disagree_with_the_weights()
    {
        byte[] extraLabel = ModelFileEditor.Rewrite(fixture.Bytes, manifest: m => m["labels"]!.AsArray().Add("Extra"));
        var e = Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream(extraLabel)));
        Assert.Contains("does not match", e.Message);
    }

    [Fact]
    public void Refuses_a_zip_without_the_model_entries_or_with_unsafe_names()
    {
        var e = Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream(ModelFileEditor.Zip(("readme.txt", [1, 2, 3])))));
        Assert.Contains("manifest.json", e.Message);
        e = Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream(ModelFileEditor.Zip(("../../evil", [1]), ("manifest.json", [1])))));
        Assert.Contains("unsafe name", e.Message);
    }

    [Fact]
    public void Refuses_a_manifest_that_is_not_json()
    {
        var e = Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream(ModelFileEditor.Zip(("manifest.json", "{ not json"u8.ToArray())))));
        Assert.Contains("manifest.json is not valid", e.Message);
    }

    [Fact]
    public void Load_of_a_missing_file_throws_file_not_found()
    {
        Assert.Throws<FileNotFoundException>(() => AttributionModel.Load(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.zip")));
    }
}
