namespace Attribution;

/// <summary>
/// One labelled sentence of a document: the unit of training and evaluation data. Labels are
/// case-sensitive strings; the first is the primary label, any others are secondary sources.
/// </summary>
public sealed class LabelledSentence
{
    /// <summary>Creates a labelled sentence; throws <see cref="ArgumentException"/> on empty fields.</summary>
    /// <param name="documentId">Identifier of the document the sentence belongs to.</param>
    /// <param name="index">Position of the sentence in its document (0-based).</param>
    /// <param name="text">The sentence.</param>
    /// <param name="labels">One or more labels, primary first.</param>
    public LabelledSentence(string documentId, int index, string text, IReadOnlyList<string> labels)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
            throw new ArgumentException("A sentence needs at least one label.", nameof(labels));
        foreach (string label in labels)
            if (string.IsNullOrWhiteSpace(label) || label != label.Trim() || label.Contains('|'))
                throw new ArgumentException($"Invalid label '{label}': labels are non-empty, without surrounding spaces, and contain no '|'.", nameof(labels));
        DocumentId = documentId;
        Index = index;
        Text = text;
        Labels = labels.ToArray();
    }

    /// <summary>Creates a sentence with a single label.</summary>
    public LabelledSentence(string documentId, int index, string text, string label)
        : this(documentId, index, text, [label])
    {
    }

    /// <summary>Identifier of the document the sentence belongs to.</summary>
    public string DocumentId { get; }

    /// <summary>Position of the sentence in its document (0-based).</summary>
    public int Index { get; }

    /// <summary>The sentence.</summary>
    public string Text { get; }

    /// <summary>All labels, primary first.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The primary label.</summary>
    public string Label => Labels[0];
}
