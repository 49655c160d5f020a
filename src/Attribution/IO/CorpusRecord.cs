namespace Attribution.IO;

/// <summary>
/// One document of a corpus as read, or the reason it could not be read. <see cref="Ordinal"/>
/// counts every record of the input from 0, readable or not, so a resumed run can skip exactly
/// the records a previous run finished. A record may come out of the reader still raw (its line,
/// or its file), to be decoded by <see cref="CorpusReader.Decode"/> on a scoring thread: decoding
/// then runs in parallel instead of holding up the one reading thread.
/// </summary>
/// <param name="Ordinal">Position of the record in the input.</param>
/// <param name="Id">The document id; for an unreadable record without one, its location.</param>
/// <param name="Text">The document text, or null when raw or when <paramref name="Error"/> is set.</param>
/// <param name="Location">Where the record is: <c>file:line</c>, or the file of a folder input.</param>
/// <param name="Error">Why the record could not be read, or null.</param>
internal sealed record CorpusRecord(long Ordinal, string Id, string? Text, string Location, string? Error)
{
    /// <summary>The undecoded bytes of a line-based record, or null.</summary>
    public byte[]? RawLine { get; init; }

    /// <summary>Byte offset of <see cref="RawLine"/> in the input.</summary>
    public long RawOffset { get; init; }

    /// <summary>The file still to be read for a record of a folder input, or null.</summary>
    public string? RawFile { get; init; }

}
