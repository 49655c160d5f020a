namespace Attribution.Features;

/// <summary>
/// A sentence with the sentences before it in its document, as the featurizer sees it. Offsets are
/// the document positions of each sentence (0 when scoring one sentence on its own).
/// </summary>
internal readonly record struct SentenceContext(
    CuedSentence Current, int CurrentOffset, int Index,
    CuedSentence? Previous1, int Previous1Offset,
    CuedSentence? Previous2, int Previous2Offset);
