using Attribution.Text;

namespace Attribution.Features;

/// <summary>
/// A tokenized sentence with the positions of its reporting cues, found once: a sentence is
/// featurized as the current sentence and again as context for the next two, and looking the cues
/// up each time cost more than the rest of its featurization. Reused from sentence to sentence.
/// </summary>
internal sealed class CuedSentence
{
    private int[] _cues = new int[16];
    private int _count;

    public TokenizedSentence Tokens { get; } = new();

    /// <summary>Indices of the tokens that are reporting cues (see <see cref="ReportingCues"/>).</summary>
    public ReadOnlySpan<int> Cues => _cues.AsSpan(0, _count);

    /// <summary>Tokenizes the <paramref name="length"/> characters at <paramref name="start"/> in <paramref name="text"/> and finds the cues.</summary>
    public void Read(string text, int start, int length)
    {
        Tokenizer.Tokenize(text, start, length, Tokens);
        _count = 0;
        ReadOnlySpan<Token> tokens = Tokens.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || !ReportingCues.IsCue(Tokens.Normalized(tokens[i])))
                continue;
            if (_count == _cues.Length)
                Array.Resize(ref _cues, _count * 2);
            _cues[_count++] = i;
        }
    }
}
