using Attribution.Tests.Cli;

namespace Attribution.Tests.Reliability;

/// <summary>The same data, options and seed give the same model file, byte for byte, on every run and any number of cores.</summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("attribution-determinism-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [Trait("Category", "Long")]
    [InlineData("sdca")]
    [InlineData("lbfgs")]
    [InlineData("fasttree")]
    public void Every_trainer_gives_byte_identical_models_on_every_run_and_core_count(string trainer)
    {
        string data = TestCorpus.WriteCsv(Path.Combine(_folder, "train.csv"), TestCorpus.Generate(120, seed: 4));
        var files = new List<byte[]>();
        // DOTNET_PROCESSOR_COUNT makes the runtime (and so every Parallel loop) see that many cores.
        foreach (string cores in new[] { "1", "2", "4" })
        {
            string model = Path.Combine(_folder, $"{trainer}-{cores}-{files.Count}.zip");
            var result = CliRunner.Run(null, new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = cores },
                "train", "--data", data, "--model", model, "--trainer", trainer, "--seed", "5", "--calibration-folds", "2", "--trees", "20", "--passes", "8");
            Assert.True(result.ExitCode == 0, result.Stderr);
            files.Add(File.ReadAllBytes(model));
        }
        Assert.All(files, f => Assert.Equal(files[0], f));
        // A repeat on the same core count, in process this time.
        AttributionModel again = AttributionTrainer.Train(LabelledData.Read(data), AttributionModel.Load(new MemoryStream(files[0])).Manifest.TrainerOptions);
        var bytes = new MemoryStream();
        again.Save(bytes);
        Assert.Equal(files[0], bytes.ToArray());
    }
}
