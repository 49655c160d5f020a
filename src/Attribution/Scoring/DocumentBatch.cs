namespace Attribution.Scoring;

/// <summary>
/// Consecutive documents that travel the pipeline together: handing work between threads costs
/// far more than scoring a short article, so the reader groups documents, a worker scores a whole
/// batch, and the writer waits once per batch.
/// </summary>
internal sealed class DocumentBatch
{
    /// <summary>A batch closes at this many documents...</summary>
    public const int MaxDocuments = 64;

    /// <summary>...or at this many characters of text, whichever comes first.</summary>
    public const int MaxCharacters = 1 << 18;

    private readonly ManualResetEventSlim _done = new(false);

    public List<ScoredDocument> Documents { get; } = new(MaxDocuments);

    public int Characters { get; private set; }

    public bool IsFull => Documents.Count >= MaxDocuments || Characters >= MaxCharacters;

    public void Add(ScoredDocument document)
    {
        Documents.Add(document);
        Characters += document.Record.Text?.Length ?? document.Record.RawLine?.Length ?? 0;
    }

    /// <summary>Marks the batch scored; the writer may take it.</summary>
    public void Complete() => _done.Set();

    /// <summary>Waits until a worker has scored the batch, then releases the wait handle.</summary>
    public void WaitScored()
    {
        _done.Wait();
        _done.Dispose();
    }
}
