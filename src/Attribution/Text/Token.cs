namespace Attribution.Text;

/// <summary>
/// One token of a sentence: where its normalized form lies in the sentence's normalized buffer,
/// and where it came from in the source sentence (for evidence spans).
/// </summary>
internal readonly record struct Token(TokenKind Kind, int NormStart, int NormLength, int SourceStart, int SourceLength);
