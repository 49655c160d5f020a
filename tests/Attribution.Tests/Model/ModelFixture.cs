namespace Attribution.Tests.Model;

/// <summary>One small trained model shared by the tests of a class (training once keeps the suite fast).</summary>
public sealed class ModelFixture
{
    public ModelFixture()
    {
        Model = AttributionTrainer.Train(TestCorpus.Generate(60), TestCorpus.FastOptions());
        var stream = new MemoryStream();
        Model.Save(stream);
        Bytes = stream.ToArray();
    }

    public AttributionModel Model { get; }

    public byte[] Bytes { get; }
}
