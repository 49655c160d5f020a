using Attribution.Tests.Model;

namespace Attribution.Tests.Reliability;

/// <summary>
/// Model files passed around by colleagues: every kind of damage is refused with a
/// <see cref="ModelFormatException"/> (or, where the damage touched nothing that matters, loads a
/// model that works), never another exception, a crash or a huge allocation.
/// </summary>
public sealed class ModelFileFuzzTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private static readonly byte[] ShippedBytes = File.ReadAllBytes(RepositoryPaths.Path("models", "attribution.zip"));
    private const string Article = "Selon l'OSDH, 14 civils ont été tués à Idleb. « C'est un massacre », a-t-il ajouté. L'armée a repris Douma.";

    public static TheoryData<string> Models() => new() { "sdca", "fasttree" };

    private byte[] Bytes(string model) => model == "sdca" ? fixture.Bytes : ShippedBytes;

    /// <summary>Loads, and when that works, predicts: a model that loads must also serve.</summary>
    private static string LoadOutcome(byte[] bytes)
    {
        try
        {
            AttributionModel model = AttributionModel.Load(new MemoryStream(bytes));
            model.Attribute(Article, new PredictionOptions { EvidenceCount = 3 });
            return "loaded";
        }
        catch (ModelFormatException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.StartsWith("model stream: ", e.Message);
            return "refused";
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Random_damage_anywhere_in_the_file_is_refused_with_a_ModelFormatException(string model)
    {
        byte[] original = Bytes(model);
        var random = new Random(model.Length);
        var outcomes = new Dictionary<string, int>();
        for (int round = 0; round < 300; round++)
        {
            byte[] damaged = (byte[])original.Clone();
            switch (round % 4)
            {
                case 0:  // a few flipped bytes
                    for (int i = random.Next(1, 5); i > 0; i--)
                        damaged[random.Next(damaged.Length)] ^= (byte)random.Next(1, 256);
                    break;
                case 1:  // truncated
                    damaged = damaged[..random.Next(damaged.Length)];
                    break;
                case 2:  // a run of bytes overwritten with noise
                    int start = random.Next(damaged.Length), length = Math.Min(random.Next(1, 64), damaged.Length - start);
                    random.NextBytes(damaged.AsSpan(start, length));
                    break;
                default:  // bytes inserted
                    int at = random.Next(damaged.Length);
                    byte[] noise = new byte[random.Next(1, 16)];
                    random.NextBytes(noise);
                    damaged = [.. damaged[..at], .. noise, .. damaged[at..]];
                    break;
            }
            string outcome = LoadOutcome(damaged);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        Assert.True(outcomes.GetValueOrDefault("refused") > 200, string.Join(", ", outcomes));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Damaged_weights_or_trees_behind_a_matching_hash_are_refused_or_still_serve(string model)
    {
        // The hash is recomputed after the damage, so each case reaches the parser itself.
        var random = new Random(42 + model.Length);
        var outcomes = new Dictionary<string, int>();
        for (int round = 0; round < 200; round++)
        {
            byte[] damaged = ModelFileEditor.Rewrite(Bytes(model), weights: w =>
            {
                int limit = round % 2 == 0 ? 16 : w.Length;  // the header (magic, sizes), then anywhere
                for (int i = random.Next(1, 4); i > 0; i--)
                    w[random.Next(limit)] ^= (byte)random.Next(1, 256);
            }, fixHash: true);
            string outcome = LoadOutcome(damaged);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        Assert.True(outcomes.GetValueOrDefault("refused") > 0, string.Join(", ", outcomes));
    }

    [Fact]
    public void A_zip_bomb_is_refused_by_its_declared_size_without_being_inflated()
    {
        // 256 MB of zeros deflate to a few hundred kilobytes; the manifest asks for far less.
        byte[] bomb = ModelFileEditor.Rewrite(fixture.Bytes, replaceWeights: new byte[256 << 20]);
        Assert.True(bomb.Length < 1 << 20, $"{bomb.Length:N0} bytes");
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream(bomb)));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("weights.bin declares 268435456 bytes, more than the", e.Message);
        Assert.True(allocated < 64 << 20, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void A_manifest_larger_than_its_limit_and_a_foreign_file_are_refused_with_clear_messages()
    {
        byte[] huge = ModelFileEditor.Rewrite(fixture.Bytes, manifest: m => m["padding"] = new string(' ', 2 << 20));
        Assert.Contains("manifest.json declares", Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream(huge))).Message);

        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];
        Assert.Contains("not a model file", Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream(png))).Message);
        Assert.Contains("not a model file", Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream([]))).Message);
    }

    [Fact]
    public void A_trees_file_under_a_linear_manifest_and_weights_under_a_tree_manifest_are_refused()
    {
        byte[] swapped = ModelFileEditor.Rewrite(ShippedBytes, manifest: m => m["trainer"] = "sdca", renameWeights: "weights.bin");
        Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream(swapped)));
        byte[] mislabelled = ModelFileEditor.Rewrite(fixture.Bytes, renameWeights: "trees.bin");
        Assert.Throws<ModelFormatException>(() => AttributionModel.Load(new MemoryStream(mislabelled)));
    }
}
