namespace Attribution.Features;

/// <summary>
/// Walks the sentences of one document in order, tokenizing each once and keeping the last two as
/// context. Three buffers rotate, so a long document costs no allocation per sentence.
/// </summary>
internal sealed class DocumentWalker
{
    private readonly CuedSentence[] _ring = [new(), new(), new()];
    private readonly int[] _offsets = new int[3];
    private int _seen;

    /// <summary>Starts a new document: the next sentence has no context.</summary>
    public void Reset() => _seen = 0;

    /// <summary>Tokenizes the next sentence of the document and returns it with its context.</summary>
    public SentenceContext Next(string sentence, int offset) => Next(sentence, 0, sentence.Length, offset);

    /// <summary>
    /// Tokenizes the next sentence, found at <paramref name="start"/> in <paramref name="text"/>, and
    /// returns it with its context; <paramref name="offset"/> is its position in the document.
    /// </summary>
    public SentenceContext Next(string text, int start, int length, int offset)
    {
        int slot = _seen % 3;
        _ring[slot].Read(text, start, length);
        _offsets[slot] = offset;
        int index = _seen++;
        int p1 = (slot + 2) % 3, p2 = (slot + 1) % 3;
        return new SentenceContext(
            _ring[slot], offset, index,
            index >= 1 ? _ring[p1] : null, _offsets[p1],
            index >= 2 ? _ring[p2] : null, _offsets[p2]);
    }
}
