using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

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
    private static readonly byte[] Magic = "ATTRWGT1"u8.ToArray();
    // Fixed entry times: the same model gives the same bytes whenever it is saved.
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

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
        WriteEntry(zip, ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
        WriteEntry(zip, WeightsEntry, weightBytes);
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] content)
    {
        ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using Stream s = entry.Open();
        s.Write(content);
    }

    public static (ModelManifest Manifest, float[] Weights) Read(Stream stream, string source)
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

    private static (ModelManifest, float[]) ReadEntries(ZipArchive zip, string source)
    {
        foreach (ZipArchiveEntry e in zip.Entries)
            if (e.FullName.Contains("..") || e.FullName.StartsWith('/') || e.FullName.Contains('\\'))
                throw new ModelFormatException($"{source}: refused: the archive has an entry with an unsafe name '{e.FullName}'");

        ZipArchiveEntry manifestEntry = zip.GetEntry(ManifestEntry)
            ?? throw new ModelFormatException($"{source}: not a model file (no {ManifestEntry})");
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(ReadBounded(manifestEntry, MaxManifestBytes, source), Json);
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"{source}: {ManifestEntry} is not valid: {e.Message}", e);
        }
        if (manifest is null)
            throw new ModelFormatException($"{source}: {ManifestEntry} is empty");
        if (manifest.FormatVersion != ModelManifest.CurrentFormatVersion)
            throw new ModelFormatException($"{source}: model format version {manifest.FormatVersion} is not supported (this library reads version {ModelManifest.CurrentFormatVersion})");
        if (manifest.Labels is not { Count: > 0 } || manifest.Labels.Distinct(StringComparer.Ordinal).Count() != manifest.Labels.Count
            || manifest.Labels.Any(string.IsNullOrWhiteSpace))
            throw new ModelFormatException($"{source}: the manifest's labels are missing, empty or repeated");
        try
        {
            manifest.TrainerOptions.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"{source}: the manifest's trainer options are invalid: {e.Message}", e);
        }

        int classes = manifest.Labels.Count;
        int dimension = (1 << manifest.TrainerOptions.Featurizer.HashBits) + 1;
        long expected = HeaderLength + (long)classes * dimension * sizeof(float);
        if (manifest.WeightsLength != expected)
            throw new ModelFormatException($"{source}: the manifest's weights length {manifest.WeightsLength} does not match {classes} labels x {dimension} features ({expected} bytes)");

        ZipArchiveEntry weightsEntry = zip.GetEntry(WeightsEntry)
            ?? throw new ModelFormatException($"{source}: not a model file (no {WeightsEntry})");
        byte[] bytes = ReadBounded(weightsEntry, Math.Min(expected, MaxWeightsBytes), source);
        if (bytes.LongLength != expected)
            throw new ModelFormatException($"{source}: {WeightsEntry} has {bytes.LongLength} bytes, the manifest says {expected}");
        if (!bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || BitConverter.ToInt32(bytes, 8) != classes || BitConverter.ToInt32(bytes, 12) != dimension)
            throw new ModelFormatException($"{source}: {WeightsEntry} has a header that does not match the manifest");
        if (!string.Equals(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), manifest.WeightsSha256, StringComparison.Ordinal))
            throw new ModelFormatException($"{source}: {WeightsEntry} is damaged (its SHA-256 does not match the manifest)");

        float[] weights = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(HeaderLength)).ToArray();
        foreach (float w in weights)
            if (!float.IsFinite(w))
                throw new ModelFormatException($"{source}: {WeightsEntry} holds a non-finite weight");
        return (manifest, weights);
    }

    /// <summary>Reads an entry but never more than <paramref name="limit"/> bytes, whatever size it declares.</summary>
    private static byte[] ReadBounded(ZipArchiveEntry entry, long limit, string source)
    {
        if (entry.Length > limit)
            throw new ModelFormatException($"{source}: {entry.FullName} declares {entry.Length} bytes, more than the {limit} allowed");
        using Stream s = entry.Open();
        var buffer = new MemoryStream((int)Math.Max(0, entry.Length));
        byte[] chunk = new byte[81920];
        int read;
        while ((read = s.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
                throw new ModelFormatException($"{source}: {entry.FullName} holds more than the {limit} bytes allowed");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
