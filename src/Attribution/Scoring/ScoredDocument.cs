using Attribution.IO;

namespace Attribution.Scoring;

/// <summary>
/// One record on its way through the pipeline: read, scored by a worker, written when its turn
/// comes. Its buffers go back to the pool once written.
/// </summary>
internal sealed class ScoredDocument(CorpusRecord record)
{
    /// <summary>The record: raw as read, then decoded by the worker.</summary>
    public CorpusRecord Record { get; set; } = record;

    /// <summary>False for a document left to another shard: it is counted, not scored.</summary>
    public bool InShard { get; set; } = true;

    public PooledBufferWriter? Output { get; set; }

    public PooledBufferWriter? Summary { get; set; }

    public int Sentences { get; set; }

    /// <summary>Why the document could not be read or scored, or null.</summary>
    public string? Error { get; set; }
}
