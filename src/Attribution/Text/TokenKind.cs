namespace Attribution.Text;

/// <summary>What a token is; the featurizer treats each kind differently.</summary>
internal enum TokenKind : byte
{
    /// <summary>Letters, possibly with inner hyphens or apostrophes ("a-t-il", "al-manar").</summary>
    Word,
    /// <summary>A French elided article or pronoun with its apostrophe ("l'", "qu'").</summary>
    Elision,
    /// <summary>Digits with separators, reduced to a shape.</summary>
    Number,
    /// <summary>A quote mark of any style, normalized to '"'.</summary>
    Quote,
    /// <summary>Other punctuation kept as a feature (: ; ( ) - ? !).</summary>
    Punctuation,
}
