namespace Attribution.Text;

/// <summary>
/// A sentence cut into tokens. The normalized text of all tokens lives in one buffer so that
/// featurizing needs no string per token; an instance is reused from sentence to sentence.
/// </summary>
internal sealed class TokenizedSentence
{
    private char[] _norm = new char[256];
    private Token[] _tokens = new Token[64];

    /// <summary>The document the sentence was taken from.</summary>
    public string Document { get; private set; } = string.Empty;

    /// <summary>Offset of the sentence in <see cref="Document"/>.</summary>
    public int Start { get; private set; }

    /// <summary>Length of the sentence in characters.</summary>
    public int Length { get; private set; }

    /// <summary>The sentence as written; token source offsets are relative to it.</summary>
    public ReadOnlySpan<char> Text => Document.AsSpan(Start, Length);

    /// <summary>Number of tokens.</summary>
    public int Count { get; private set; }

    /// <summary>The tokens, in order.</summary>
    public ReadOnlySpan<Token> Tokens => _tokens.AsSpan(0, Count);

    /// <summary>The normalized form of a token.</summary>
    public ReadOnlySpan<char> Normalized(in Token token) => _norm.AsSpan(token.NormStart, token.NormLength);

    /// <summary>Whether the tokens from <paramref name="start"/> on read <paramref name="words"/> (normalized forms).</summary>
    public bool WordsAt(int start, ReadOnlySpan<string> words)
    {
        if (start + words.Length > Count)
            return false;
        for (int k = 0; k < words.Length; k++)
            if (!Normalized(_tokens[start + k]).SequenceEqual(words[k]))
                return false;
        return true;
    }

    internal void Reset(string document, int start, int length)
    {
        Document = document;
        Start = start;
        Length = length;
        Count = 0;
        NormLength = 0;
        if (_norm.Length < length * 2 + 8)
            _norm = new char[length * 2 + 8];
    }

    internal int NormLength { get; private set; }

    internal Span<char> NormBuffer => _norm;

    internal void AppendNorm(char c) => _norm[NormLength++] = c;

    internal void SetNormLength(int length) => NormLength = length;

    internal void AddToken(Token token)
    {
        if (Count == _tokens.Length)
            Array.Resize(ref _tokens, _tokens.Length * 2);
        _tokens[Count++] = token;
    }
}
