using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Attribution.Tests.Model;

/// <summary>Builds damaged or altered model files for the loader's tests.</summary>
internal static class ModelFileEditor
{
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
                using (Stream s = zip.CreateEntry(name, CompressionLevel.Optimal).Open())
                    s.Write(content);
        return stream.ToArray();
    }

    /// <summary>
    /// Copies a model file, changing its manifest, its weights or trees entry (in place, replaced
    /// or renamed), and with <paramref name="fixHash"/> recording the changed entry's hash and length.
    /// </summary>
    public static byte[] Rewrite(byte[] model, Action<JsonObject>? manifest = null, Action<byte[]>? weights = null, bool fixHash = false,
        byte[]? replaceWeights = null, string? renameWeights = null)
    {
        var entries = new List<(string Name, byte[] Content)>();
        using (var source = new ZipArchive(new MemoryStream(model)))
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                using var content = new MemoryStream();
                entry.Open().CopyTo(content);
                entries.Add((entry.FullName, content.ToArray()));
            }
        int w = entries.FindIndex(e => e.Name is "weights.bin" or "trees.bin");
        if (replaceWeights is not null)
            entries[w] = (entries[w].Name, replaceWeights);
        weights?.Invoke(entries[w].Content);
        if (renameWeights is not null)
            entries[w] = (renameWeights, entries[w].Content);
        int m = entries.FindIndex(e => e.Name == "manifest.json");
        JsonObject json = JsonNode.Parse(entries[m].Content)!.AsObject();
        manifest?.Invoke(json);
        if (fixHash)
        {
            json["weightsSha256"] = Convert.ToHexString(SHA256.HashData(entries[w].Content)).ToLowerInvariant();
            json["weightsLength"] = entries[w].Content.Length;
        }
        entries[m] = ("manifest.json", Encoding.UTF8.GetBytes(json.ToJsonString()));
        return Zip([.. entries]);
    }
}
