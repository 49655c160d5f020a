using System.Text.Json;

namespace Attribution.Scoring;

/// <summary>
/// What a resumed run needs: how many input records are done and how many output bytes hold them.
/// Saved beside the output after the output is flushed, by writing a temporary file and renaming it,
/// so a run killed at any instant leaves a checkpoint that matches a prefix of the output.
/// </summary>
internal sealed record Checkpoint
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public int Version { get; init; } = 1;

    /// <summary>Model, input and options of the run: a resume with different ones would mix outputs.</summary>
    public string Settings { get; init; } = "";

    /// <summary>Input records done (scored, failed or left to other shards).</summary>
    public long Consumed { get; init; }

    public long OutputBytes { get; init; }

    public long SummaryBytes { get; init; }

    public long Documents { get; init; }

    public long Sentences { get; init; }

    public long Errors { get; init; }

    public long OtherShards { get; init; }

    /// <summary>The checkpoint saved at <paramref name="path"/>, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">The file exists but cannot be read.</exception>
    public static Checkpoint? Load(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<Checkpoint>(File.ReadAllBytes(path), Json)
                ?? throw new InvalidDataException($"{path}: empty checkpoint.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: damaged checkpoint ({e.Message}); delete it to start again.", e);
        }
    }

    public void Save(string path)
    {
        string temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
