namespace Attribution;

/// <summary>How scored sentences are written.</summary>
public enum ScoreFormat
{
    /// <summary>CSV: <c>doc_id,sentence_index,start,length,text,label,confidence</c>.</summary>
    Csv,

    /// <summary>JSON Lines: the CSV fields plus every label's probability (<c>scores</c>) and the <c>evidence</c>.</summary>
    JsonLines,
}
