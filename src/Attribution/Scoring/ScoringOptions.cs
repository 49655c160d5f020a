namespace Attribution;

/// <summary>Options for <see cref="CorpusScorer"/>. Validated in one place, <see cref="Validate"/>.</summary>
public sealed record ScoringOptions
{
    /// <summary>The default options.</summary>
    public static ScoringOptions Default { get; } = new();

    /// <summary>How the input is stored; null infers it (a folder is text files, <c>.csv</c> is CSV, anything else JSONL).</summary>
    public CorpusFormat? InputFormat { get; init; }

    /// <summary>How the output is written. Default CSV.</summary>
    public ScoreFormat Format { get; init; } = ScoreFormat.Csv;

    /// <summary>The JSONL field or CSV column holding the document id. Default <c>id</c>.</summary>
    public string IdField { get; init; } = "id";

    /// <summary>The JSONL field or CSV column holding the document text. Default <c>text</c>.</summary>
    public string TextField { get; init; } = "text";

    /// <summary>Scoring threads. Default: one per processor. The output is the same for any number.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The slice of the corpus to score. Default: all of it.</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>Continue an interrupted run into the same output instead of starting again. Default false.</summary>
    public bool Resume { get; init; }

    /// <summary>Also write one CSV row per document with its count of sentences per label. Default none.</summary>
    public string? SummaryPath { get; init; }

    /// <summary>Evidence features per sentence in JSONL output (0 for none). Default 3.</summary>
    public int EvidenceCount { get; init; } = 3;

    /// <summary>
    /// About how many documents may be read ahead of the writer (they travel in batches of up to 64);
    /// bounds memory whatever the corpus size. Default 1024.
    /// </summary>
    public int MaxDocumentsInFlight { get; init; } = 1024;

    /// <summary>
    /// The longest document scored, in characters; a longer one is reported as an error, counted,
    /// and listed in the summary, and the run goes on. Its input record is not even held whole, so a
    /// runaway line or file cannot exhaust memory. Default 64 Mi characters (a 50 MB line scores in
    /// seconds, in about 15 times its size of memory).
    /// </summary>
    public int MaxDocumentCharacters { get; init; } = 1 << 26;

    /// <summary>How often the resume checkpoint is saved. Default 2 seconds.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(IdField, nameof(IdField));
        ArgumentException.ThrowIfNullOrWhiteSpace(TextField, nameof(TextField));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Threads, 1024, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfNegative(EvidenceCount, nameof(EvidenceCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDocumentsInFlight, 1, nameof(MaxDocumentsInFlight));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDocumentCharacters, 1, nameof(MaxDocumentCharacters));
        if (CheckpointInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(CheckpointInterval), CheckpointInterval, "The checkpoint interval must be positive.");
        if (Shard.Count < 1)
            throw new ArgumentOutOfRangeException(nameof(Shard), Shard, "Use Shard.All or new Shard(index, count).");
        if (SummaryPath is not null && string.IsNullOrWhiteSpace(SummaryPath))
            throw new ArgumentException("The summary path is empty.", nameof(SummaryPath));
    }
}
