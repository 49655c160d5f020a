namespace Attribution;

/// <summary>How a corpus to score is stored.</summary>
public enum CorpusFormat
{
    /// <summary>A folder of <c>.txt</c> files, one article a file; the id is the path relative to the folder.</summary>
    Text,

    /// <summary>JSON Lines: one object a line with an id and a text field.</summary>
    JsonLines,

    /// <summary>CSV with a header row, one document a record, with an id and a text column.</summary>
    Csv,
}
