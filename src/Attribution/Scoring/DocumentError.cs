namespace Attribution;

/// <summary>A document of a corpus that could not be read or scored; the rest of the corpus goes on.</summary>
/// <param name="Location">Where it is: <c>file:line</c> for JSONL and CSV, the file for a folder of text files.</param>
/// <param name="DocumentId">Its id, or its location when the id could not be read.</param>
/// <param name="Message">What is wrong, with a byte offset where one helps.</param>
public sealed record DocumentError(string Location, string DocumentId, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Message}";
}
