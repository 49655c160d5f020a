namespace Attribution.Text;

/// <summary>
/// Cuts a sentence into normalized tokens: lower case, accents folded, French elisions split from
/// their word ("l'armée" -> "l'" "armee"), inverted forms kept whole ("a-t-il"), numbers reduced to a
/// shape ("120.000" -> "000.000"), every quote style reduced to one mark.
/// </summary>
internal static class Tokenizer
{
    // Elided French words: the part before the apostrophe, folded.
    private static readonly WordSet Elisions =
        new("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu");

    private const int MaxDigitRun = 4;

    /// <summary>Tokenizes a whole string into <paramref name="into"/>, replacing its content.</summary>
    public static void Tokenize(string text, TokenizedSentence into) => Tokenize(text, 0, text.Length, into);

    /// <summary>
    /// Tokenizes the sentence at <paramref name="start"/> in <paramref name="document"/> into
    /// <paramref name="into"/>, replacing its content; no copy of the sentence is made.
    /// </summary>
    public static void Tokenize(string document, int start, int length, TokenizedSentence into)
    {
        into.Reset(document, start, length);
        ReadOnlySpan<char> text = document.AsSpan(start, length);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetter(c))
                i = ReadWord(text, i, into);
            else if (char.IsDigit(c))
                i = ReadNumber(text, i, into);
            else
            {
                if (CharFolding.IsDoubleQuote(c) || CharFolding.IsApostrophe(c))
                    AddSymbol(into, TokenKind.Quote, '"', i);
                else if (c is ':' or ';' or '(' or ')' or '?' or '!' || (c is '-' or '–' or '—' && IsStandaloneDash(text, i)))
                    AddSymbol(into, TokenKind.Punctuation, c is '–' or '—' ? '-' : c, i);
                i++;
            }
        }
    }

    private static bool IsStandaloneDash(ReadOnlySpan<char> text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1])) || (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]));

    private static void AddSymbol(TokenizedSentence into, TokenKind kind, char normalized, int sourceIndex)
    {
        int start = into.NormLength;
        into.AppendNorm(normalized);
        into.AddToken(new Token(kind, start, 1, sourceIndex, 1));
    }

    private static int ReadWord(ReadOnlySpan<char> text, int start, TokenizedSentence into)
    {
        int end = start;
        while (end < text.Length)
        {
            char c = text[end];
            if (char.IsLetterOrDigit(c))
                end++;
            else if ((CharFolding.IsApostrophe(c) || CharFolding.IsHyphen(c)) && end + 1 < text.Length && char.IsLetter(text[end + 1]))
                end++;
            else
                break;
        }

        int pos = start;
        // Split leading elisions ("l'", "qu'"): the word after them is the informative part.
        while (true)
        {
            int apostrophe = IndexOfApostrophe(text, pos, end);
            if (apostrophe < 0 || apostrophe - pos > 6 || !IsElision(text, pos, apostrophe))
                break;
            AddFolded(into, TokenKind.Elision, text, pos, apostrophe, appendApostrophe: true, sourceLength: apostrophe + 1 - pos);
            pos = apostrophe + 1;
        }

        // English possessive: "Hezbollah's" -> "hezbollah" "'s".
        int last = LastIndexOfApostrophe(text, pos, end);
        if (last > pos && end - last == 2 && (text[last + 1] is 's' or 'S'))
        {
            AddFolded(into, TokenKind.Word, text, pos, last, appendApostrophe: false, sourceLength: last - pos);
            AddFolded(into, TokenKind.Elision, text, last + 1, end, appendApostrophe: false, sourceLength: 2, prefixApostrophe: true, sourceStart: last);
        }
        else if (end > pos)
        {
            AddFolded(into, TokenKind.Word, text, pos, end, appendApostrophe: false, sourceLength: end - pos);
        }
        return end;
    }

    private static bool IsElision(ReadOnlySpan<char> text, int from, int to)
    {
        Span<char> buffer = stackalloc char[16];
        int n = 0;
        for (int i = from; i < to; i++)
        {
            n += CharFolding.Fold(text[i], buffer[n..]);
            if (n > 8)
                return false;
        }
        return Elisions.Contains(buffer[..n]);
    }

    private static int IndexOfApostrophe(ReadOnlySpan<char> text, int from, int to)
    {
        for (int i = from; i < to; i++)
            if (CharFolding.IsApostrophe(text[i]))
                return i;
        return -1;
    }

    private static int LastIndexOfApostrophe(ReadOnlySpan<char> text, int from, int to)
    {
        for (int i = to - 1; i >= from; i--)
            if (CharFolding.IsApostrophe(text[i]))
                return i;
        return -1;
    }

    private static void AddFolded(TokenizedSentence into, TokenKind kind, ReadOnlySpan<char> text, int from, int to,
        bool appendApostrophe, int sourceLength, bool prefixApostrophe = false, int sourceStart = -1)
    {
        int normStart = into.NormLength;
        Span<char> buffer = into.NormBuffer;
        int n = normStart;
        if (prefixApostrophe)
            buffer[n++] = '\'';
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (CharFolding.IsApostrophe(c))
                buffer[n++] = '\'';
            else if (CharFolding.IsHyphen(c))
                buffer[n++] = '-';
            else if (char.IsDigit(c))
                buffer[n++] = '0';
            else
                n += CharFolding.Fold(c, buffer[n..]);
        }
        if (appendApostrophe)
            buffer[n++] = '\'';
        into.SetNormLength(n);
        into.AddToken(new Token(kind, normStart, n - normStart, sourceStart >= 0 ? sourceStart : from, sourceLength));
    }

    private static int ReadNumber(ReadOnlySpan<char> text, int start, TokenizedSentence into)
    {
        int end = start;
        while (end < text.Length)
        {
            char c = text[end];
            if (char.IsDigit(c))
                end++;
            else if (c is '.' or ',' or ':' or 'h' && end + 1 < text.Length && char.IsDigit(text[end + 1]))
                end++;
            else
                break;
        }
        // Digits glued to letters ("1er", "600am") read as one word with digits shaped.
        if (end < text.Length && char.IsLetter(text[end]))
            return ReadWord(text, start, into);

        int normStart = into.NormLength;
        int run = 0;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (char.IsDigit(c))
            {
                if (++run <= MaxDigitRun)
                    into.AppendNorm('0');
            }
            else
            {
                run = 0;
                into.AppendNorm(c == 'h' ? ':' : c);
            }
        }
        into.AddToken(new Token(TokenKind.Number, normStart, into.NormLength - normStart, start, end - start));
        return end;
    }
}
