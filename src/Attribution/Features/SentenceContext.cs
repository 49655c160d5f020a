using Attribution.Text;

namespace Attribution.Features;

/// <summary>
/// A sentence with the sentences before it in its document, as the featurizer sees it. Offsets are
/// the document positions of each sentence (0 when scoring one sentence on its own).
/// </summary>
internal readonly record struct SentenceContext(
    TokenizedSentence Current, int CurrentOffset, int Index,
    TokenizedSentence? Previous1, int Previous1Offset,
    TokenizedSentence? Previous2, int Previous2Offset);
