using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Attribution.IO;

/// <summary>
/// The model file: a zip holding <c>manifest.json</c> and <c>weights.bin</c> (an 16-byte header, then
/// float32 weights, little-endian, feature-major). Reading trusts nothing: every size is checked
/// against the manifest and the weights against their hash, and nothing larger than the limits is read.
/// </summary>
internal static class ModelFile
{
    public const string ManifestEntry = "manifest.json";
    public const string WeightsEntry = "weights.bin";
    private const int HeaderLength = 16;
    private const long MaxManifestBytes = 1 << 20;
    private const long MaxWeightsBytes = 1L << 30;
    private const long MaxParallelWeightsBytes = 64L << 20;
    private static readonly byte[] Magic = "ATTRWGT1"u8.ToArray();
    // Fixed entry times: the same model gives the same bytes whenever it is saved.
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(Stream stream, ModelManifest manifest, int classes, int dimension, ReadOnlySpan<float> weights)
    {
        byte[] weightBytes = new byte[HeaderLength + (long)weights.Length * sizeof(float)];
        Magic.CopyTo(weightBytes, 0);
        BitConverter.TryWriteBytes(weightBytes.AsSpan(8), classes);
        BitConverter.TryWriteBytes(weightBytes.AsSpan(12), dimension);
        MemoryMarshal.AsBytes(weights).CopyTo(weightBytes.AsSpan(HeaderLength));
        manifest = manifest with
        {
            FormatVersion = ModelManifest.CurrentFormatVersion,
            WeightsLength = weightBytes.LongLength,
            WeightsSha256 = Convert.ToHexString(SHA256.HashData(weightBytes)).ToLowerInvariant(),
        };

        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        WriteEntry(zip, ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, ModelManifestJson.Default.ModelManifest));
        WriteEntry(zip, WeightsEntry, weightBytes);
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] content)
    {
        ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using Stream s = entry.Open();
        s.Write(content);
    }

    public static (ModelManifest Manifest, byte[] Weights) Read(Stream stream, string source)
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

    private static (ModelManifest, byte[]) ReadEntries(ZipArchive zip, string source)
    {
        foreach (ZipArchiveEntry e in zip.Entries)
            if (e.FullName.Contains("..") || e.FullName.StartsWith('/') || e.FullName.Contains('\\'))
                throw new ModelFormatException($"{source}: refused: the archive has an entry with an unsafe name '{e.FullName}'");

        ZipArchiveEntry manifestEntry = zip.GetEntry(ManifestEntry)
            ?? throw new ModelFormatException($"{source}: not a model file (no {ManifestEntry})");
        byte[] manifestBytes = ReadBounded(manifestEntry, MaxManifestBytes, source);
        ZipArchiveEntry? weightsEntry = zip.GetEntry(WeightsEntry);
        if (weightsEntry is null)
        {
            // A bad manifest is the more useful message, so it comes first.
            ParseManifest(manifestBytes, source);
            throw new ModelFormatException($"{source}: not a model file (no {WeightsEntry})");
        }
        // Inflating the weights and parsing the manifest each take tens of milliseconds on a cold
        // start, so they overlap, for weights of a plausible size; larger ones wait for the
        // manifest, so that a hostile file cannot make us allocate more than it says it needs.
        ModelManifest manifest;
        byte[] bytes;
        string hash;
        if (weightsEntry.Length <= MaxParallelWeightsBytes)
        {
            Task<(byte[], string)> weightsRead = Task.Run(() =>
            {
                byte[] read = ReadBounded(weightsEntry, MaxParallelWeightsBytes, source);
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
            bytes = ReadBounded(weightsEntry, Math.Min(ExpectedWeightsLength(manifest), MaxWeightsBytes), source);
            hash = Sha256(bytes);
        }

        int classes = manifest.Labels.Count;
        int dimension = (1 << manifest.TrainerOptions.Featurizer.HashBits) + 1;
        long expected = ExpectedWeightsLength(manifest);
        if (manifest.WeightsLength != expected)
            throw new ModelFormatException($"{source}: the manifest's weights length {manifest.WeightsLength} does not match {classes} labels x {dimension} features ({expected} bytes)");
        if (bytes.LongLength != expected)
            throw new ModelFormatException($"{source}: {WeightsEntry} has {bytes.LongLength} bytes, the manifest says {expected}");
        if (!bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || BitConverter.ToInt32(bytes, 8) != classes || BitConverter.ToInt32(bytes, 12) != dimension)
            throw new ModelFormatException($"{source}: {WeightsEntry} has a header that does not match the manifest");
        if (!string.Equals(hash, manifest.WeightsSha256, StringComparison.Ordinal))
            throw new ModelFormatException($"{source}: {WeightsEntry} is damaged (its SHA-256 does not match the manifest)");
        foreach (float w in Weights(bytes))
            if (!float.IsFinite(w))
                throw new ModelFormatException($"{source}: {WeightsEntry} holds a non-finite weight");
        return (manifest, bytes);
    }

    /// <summary>The weights held by the bytes of a checked <c>weights.bin</c>, after its header.</summary>
    public static ReadOnlySpan<float> Weights(byte[] weightsFile) => MemoryMarshal.Cast<byte, float>(weightsFile.AsSpan(HeaderLength));

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
