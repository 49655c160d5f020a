using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Attribution.Model;

namespace Attribution.IO;

/// <summary>
/// The model file: a zip holding <c>manifest.json</c> and the parameters: for a linear model
/// <c>weights.bin</c> (a 16-byte header, then float32 weights, little-endian, feature-major), for
/// boosted trees <c>trees.bin</c> (see <see cref="TreeEnsembleFile"/>). The manifest's weights length
/// and hash describe whichever is there. Reading trusts nothing: every size is checked against the
/// manifest and the parameters against their hash, and nothing larger than the limits is read.
/// </summary>
internal static class ModelFile
{
    public const string ManifestEntry = "manifest.json";
    public const string WeightsEntry = "weights.bin";
    private const int HeaderLength = 16;
    private const long MaxManifestBytes = 1 << 20;
    private const long MaxWeightsBytes = 1L << 30;
    private const long MaxParallelWeightsBytes = 64L << 20;
    // Trees parsed before the manifest is read are checked against the largest dimension any
    // manifest allows, so that a damaged feature index cannot size the scorer's tables.
    private const int MaxDimension = (1 << FeaturizerOptions.MaxHashBits) + 1;
    private static readonly byte[] Magic = "ATTRWGT1"u8.ToArray();
    // Fixed entry times: the same model gives the same bytes whenever it is saved.
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(Stream stream, ModelManifest manifest, ModelParameters parameters)
    {
        (string entryName, byte[] weightBytes) = parameters switch
        {
            LinearModel linear => (WeightsEntry, LinearBytes(linear)),
            TreeEnsemble trees => (TreeEnsembleFile.Entry, TreeEnsembleFile.Write(trees)),
            _ => throw new ArgumentException($"No file format for {parameters.GetType().Name}.", nameof(parameters)),
        };
        manifest = manifest with
        {
            FormatVersion = ModelManifest.CurrentFormatVersion,
            WeightsLength = weightBytes.LongLength,
            WeightsSha256 = Convert.ToHexString(SHA256.HashData(weightBytes)).ToLowerInvariant(),
        };

        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        WriteEntry(zip, ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, ModelManifestJson.Default.ModelManifest));
        WriteEntry(zip, entryName, weightBytes);
    }

    private static byte[] LinearBytes(LinearModel linear)
    {
        float[] weights = linear.CopyWeights();
        byte[] bytes = new byte[HeaderLength + (long)weights.Length * sizeof(float)];
        Magic.CopyTo(bytes, 0);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), linear.Classes);
        BitConverter.TryWriteBytes(bytes.AsSpan(12), linear.Dimension);
        MemoryMarshal.AsBytes(weights.AsSpan()).CopyTo(bytes.AsSpan(HeaderLength));
        return bytes;
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] content)
    {
        ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using Stream s = entry.Open();
        s.Write(content);
    }

    public static (ModelManifest Manifest, ModelParameters Parameters) Read(Stream stream, string source)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFormatException($"{source}: not a model file (not a zip archive: {e.Message})", e);
        }
        using (zip)
        {
            try
            {
                return ReadEntries(zip, source);
            }
            catch (InvalidDataException e)
            {
                throw new ModelFormatException($"{source}: damaged model file ({e.Message})", e);
            }
        }
    }

    private static (ModelManifest, ModelParameters) ReadEntries(ZipArchive zip, string source)
    {
        foreach (ZipArchiveEntry e in zip.Entries)
            if (e.FullName.Contains("..") || e.FullName.StartsWith('/') || e.FullName.Contains('\\'))
                throw new ModelFormatException($"{source}: refused: the archive has an entry with an unsafe name '{e.FullName}'");

        ZipArchiveEntry manifestEntry = zip.GetEntry(ManifestEntry)
            ?? throw new ModelFormatException($"{source}: not a model file (no {ManifestEntry})");
        byte[] manifestBytes = ReadBounded(manifestEntry, MaxManifestBytes, source);
        ZipArchiveEntry? weightsEntry = zip.GetEntry(WeightsEntry) ?? zip.GetEntry(TreeEnsembleFile.Entry);
        if (weightsEntry is null)
        {
            // A bad manifest is the more useful message, so it comes first.
            ParseManifest(manifestBytes, source);
            throw new ModelFormatException($"{source}: not a model file (no {WeightsEntry} or {TreeEnsembleFile.Entry})");
        }
        // Inflating the weights and parsing the manifest each take tens of milliseconds on a cold
        // start, so they overlap, for weights of a plausible size; larger ones wait for the
        // manifest, so that a hostile file cannot make us allocate more than it says it needs.
        ModelManifest manifest;
        byte[] bytes;
        string hash;
        // Trees are also parsed there (checked against the manifest once it is read); a parse
        // failure waits, so that a damaged file is reported by its hash first.
        Task<TreeEnsemble>? treesRead = null;
        if (weightsEntry.Length <= MaxParallelWeightsBytes)
        {
            Task<(byte[], string)> weightsRead = Task.Run(() =>
            {
                byte[] read = ReadBounded(weightsEntry, MaxParallelWeightsBytes, source);
                if (weightsEntry.FullName == TreeEnsembleFile.Entry)
                    treesRead = Task.Run(() => TreeEnsembleFile.Read(read, classes: null, MaxDimension, 1, source));
                return (read, Sha256(read));
            });
            try
            {
                manifest = ParseManifest(manifestBytes, source);
            }
            catch
            {
                // Never leave the task reading an archive that is about to be disposed.
                try
                {
                    weightsRead.Wait();
                }
                catch (AggregateException)
                {
                }
                throw;
            }
            (bytes, hash) = weightsRead.GetAwaiter().GetResult();
        }
        else
        {
            manifest = ParseManifest(manifestBytes, source);
            long bound = manifest.TrainerOptions.Algorithm == TrainerAlgorithm.FastTree ? manifest.WeightsLength : ExpectedWeightsLength(manifest);
            bytes = ReadBounded(weightsEntry, Math.Clamp(bound, 0, MaxWeightsBytes), source);
            hash = Sha256(bytes);
        }

        bool trees = manifest.TrainerOptions.Algorithm == TrainerAlgorithm.FastTree;
        string expectedEntry = trees ? TreeEnsembleFile.Entry : WeightsEntry;
        if (weightsEntry.FullName != expectedEntry)
            throw new ModelFormatException($"{source}: a {manifest.TrainerOptions.Algorithm} model must hold {expectedEntry}, this one holds {weightsEntry.FullName}");
        int classes = manifest.Labels.Count;
        int dimension = (1 << manifest.TrainerOptions.Featurizer.HashBits) + 1;
        long expected = ExpectedWeightsLength(manifest);
        if (!trees && manifest.WeightsLength != expected)
            throw new ModelFormatException($"{source}: the manifest's weights length {manifest.WeightsLength} does not match {classes} labels x {dimension} features ({expected} bytes)");
        if (bytes.LongLength != manifest.WeightsLength)
            throw new ModelFormatException($"{source}: {expectedEntry} has {bytes.LongLength} bytes, the manifest says {manifest.WeightsLength}");
        if (!string.Equals(hash, manifest.WeightsSha256, StringComparison.Ordinal))
            throw new ModelFormatException($"{source}: {expectedEntry} is damaged (its SHA-256 does not match the manifest)");
        if (trees)
        {
            TreeEnsemble ensemble = treesRead is null
                ? TreeEnsembleFile.Read(bytes, null, dimension, 1, source)
                : treesRead.GetAwaiter().GetResult();
            if (ensemble.Classes != manifest.Labels.Count)
                throw new ModelFormatException($"{source}: {TreeEnsembleFile.Entry} is not valid: its number of labels does not match the manifest");
            if (ensemble.Trees.SelectMany(t => t.Feature).DefaultIfEmpty(0).Max() >= dimension)
                throw new ModelFormatException($"{source}: {TreeEnsembleFile.Entry} is not valid: a tree splits on a feature outside 0..{dimension - 1}");
            return (manifest, ensemble.WithTemperature(manifest.Temperature));
        }

        if (!bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || BitConverter.ToInt32(bytes, 8) != classes || BitConverter.ToInt32(bytes, 12) != dimension)
            throw new ModelFormatException($"{source}: {WeightsEntry} has a header that does not match the manifest");
        foreach (float w in Weights(bytes))
            if (!float.IsFinite(w))
                throw new ModelFormatException($"{source}: {WeightsEntry} holds a non-finite weight");
        return (manifest, new LinearModel(classes, dimension, Weights(bytes), manifest.Temperature));
    }

    private static ReadOnlySpan<float> Weights(byte[] weightsFile) => MemoryMarshal.Cast<byte, float>(weightsFile.AsSpan(HeaderLength));

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private static long ExpectedWeightsLength(ModelManifest manifest) =>
        HeaderLength + (long)manifest.Labels.Count * ((1 << manifest.TrainerOptions.Featurizer.HashBits) + 1) * sizeof(float);

    private static ModelManifest ParseManifest(byte[] json, string source)
    {
        ModelManifest manifest;
        try
        {
            manifest = ManifestReader.Read(json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new ModelFormatException($"{source}: {ManifestEntry} is not valid: {e.Message}", e);
        }
        if (manifest.FormatVersion != ModelManifest.CurrentFormatVersion)
            throw new ModelFormatException($"{source}: model format version {manifest.FormatVersion} is not supported (this library reads version {ModelManifest.CurrentFormatVersion})");
        if (manifest.Labels is not { Count: > 0 } || manifest.Labels.Distinct(StringComparer.Ordinal).Count() != manifest.Labels.Count
            || manifest.Labels.Any(string.IsNullOrWhiteSpace))
            throw new ModelFormatException($"{source}: the manifest's labels are missing, empty or repeated");
        if (!(manifest.SecondaryThreshold > 0 && manifest.SecondaryThreshold <= 1))
            throw new ModelFormatException($"{source}: the manifest's secondary threshold {manifest.SecondaryThreshold} is not a probability above 0");
        if (!(manifest.Temperature > 0 && double.IsFinite(manifest.Temperature)))
            throw new ModelFormatException($"{source}: the manifest's temperature {manifest.Temperature} is not a positive number");
        try
        {
            manifest.TrainerOptions.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"{source}: the manifest's trainer options are invalid: {e.Message}", e);
        }
        return manifest;
    }

    /// <summary>Reads an entry but never more than <paramref name="limit"/> bytes, whatever size it declares.</summary>
    private static byte[] ReadBounded(ZipArchiveEntry entry, long limit, string source)
    {
        if (entry.Length > limit)
            throw new ModelFormatException($"{source}: {entry.FullName} declares {entry.Length} bytes, more than the {limit} allowed");
        using Stream s = entry.Open();
        // Sized by the declared length; the read stops at the limit whatever the data really holds.
        byte[] buffer = new byte[entry.Length];
        int filled = 0, read;
        while (filled < buffer.Length && (read = s.Read(buffer, filled, buffer.Length - filled)) > 0)
            filled += read;
        if (filled < buffer.Length)
            throw new ModelFormatException($"{source}: {entry.FullName} holds {filled} bytes but declares {entry.Length}");
        if (s.ReadByte() >= 0)
            throw new ModelFormatException($"{source}: {entry.FullName} holds more than the {entry.Length} bytes it declares");
        return buffer;
    }
}
