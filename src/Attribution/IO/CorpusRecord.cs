namespace Attribution.IO;

/// <summary>
/// One document of a corpus as read, or the reason it could not be read. <see cref="Ordinal"/>
/// counts every record of the input from 0, readable or not, so a resumed run can skip exactly
/// the records a previous run finished.
/// </summary>
/// <param name="Ordinal">Position of the record in the input.</param>
/// <param name="Id">The document id; for an unreadable record without one, its location.</param>
/// <param name="Text">The document text, or null when <paramref name="Error"/> is set.</param>
/// <param name="Location">Where the record is: <c>file:line</c>, or the file of a folder input.</param>
/// <param name="Error">Why the record could not be read, or null.</param>
internal sealed record CorpusRecord(long Ordinal, string Id, string? Text, string Location, string? Error);
