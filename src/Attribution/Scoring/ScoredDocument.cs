using Attribution.IO;

namespace Attribution.Scoring;

/// <summary>
/// One record on its way through the pipeline: queued in input order, scored by any worker, written
/// when its turn comes. Its buffers go back to the pool once written.
/// </summary>
internal sealed class ScoredDocument(CorpusRecord record, bool inShard)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CorpusRecord Record { get; } = record;

    /// <summary>False for a document left to another shard: it is counted, not scored.</summary>
    public bool InShard { get; } = inShard;

    public PooledBufferWriter? Output { get; set; }

    public PooledBufferWriter? Summary { get; set; }

    public int Sentences { get; set; }

    /// <summary>Why the document could not be read or scored, or null.</summary>
    public string? Error { get; set; }

    public Task Done => _done.Task;

    public void Complete() => _done.TrySetResult();
}
