using System.Buffers;
using System.Globalization;

namespace Attribution.Text;

/// <summary>
/// Splits French and English news text into sentences with a single left-to-right scan.
/// </summary>
/// <remarks>
/// <para>
/// Every line break is a hard boundary, so headlines, bylines, datelines and page furniture on
/// their own line come out as sentences of their own. Inside a line, a sentence ends after
/// <c>.</c>, <c>!</c>, <c>?</c> or an ellipsis, together with any closing quotes or brackets that
/// follow it, when the next word looks like the start of a sentence. Abbreviations (M., Mme, Dr.,
/// U.S., etc.), initials (G. W. Bush), numbers (3.5, 120.000) and quotes that continue the
/// sentence (« ... », a-t-il dit) are not boundaries. Scraped text whose paragraphs were glued
/// together ("...la loi.Le maire...", "...au port.- Intertitre -Mardi...") is split where that is
/// safe.
/// </para>
/// <para>
/// Sentences never contain leading or trailing whitespace, are never empty, come in document order
/// and do not overlap. The splitter keeps no state between calls, so one instance (see
/// <see cref="Default"/>) can be shared by any number of threads. It never throws on any string
/// and runs in time linear in the length of the text.
/// </para>
/// </remarks>
public sealed class SentenceSplitter
{
    // Every Unicode line terminator, plus vertical tab and form feed, which some extractors emit
    // between paragraphs.
    private static readonly SearchValues<char> LineBreaks =
        SearchValues.Create("\n\r\u000B\u000C\u0085\u2028\u2029");

    // What the line scan stops at: sentence-final punctuation, and straight double quotes, which are
    // counted to tell an opening quote from a closing one when both sides are spaced.
    private static readonly SearchValues<char> ScanStops = SearchValues.Create(".!?…\"");

    // Longest word examined before a full stop; longer tokens (URLs, long words) cannot be
    // abbreviations and are treated as ordinary words, which also bounds the backward scan.
    private const int MaxWordLength = 32;

    // Longest intertitle looked for when one is glued to the next paragraph.
    private const int MaxIntertitleLength = 100;

    private SentenceSplitter()
    {
    }

    /// <summary>The shared splitter instance; it holds no mutable state and is thread-safe.</summary>
    public static SentenceSplitter Default { get; } = new();

    /// <summary>Splits <paramref name="text"/> into sentences.</summary>
    /// <param name="text">Any text; an empty or whitespace-only text has no sentences.</param>
    /// <returns>
    /// The sentences in document order, numbered from 0, with offsets into <paramref name="text"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<Sentence> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var spans = new List<TextSpan>();
        Split(text.AsSpan(), spans);

        var sentences = new Sentence[spans.Count];
        for (int i = 0; i < sentences.Length; i++)
        {
            TextSpan span = spans[i];
            sentences[i] = new Sentence(i, span.Start, span.Length, text.Substring(span.Start, span.Length));
        }

        return sentences;
    }

    /// <summary>
    /// Appends the sentence spans of <paramref name="text"/> to <paramref name="output"/> without
    /// allocating (beyond the list's own growth). The list is not cleared first.
    /// </summary>
    internal void Split(ReadOnlySpan<char> text, List<TextSpan> output)
    {
        ArgumentNullException.ThrowIfNull(output);

        int lineStart = 0;
        while (true)
        {
            int found = text[lineStart..].IndexOfAny(LineBreaks);
            int lineEnd = found < 0 ? text.Length : lineStart + found;
            SplitLine(text, lineStart, lineEnd, output);
            if (found < 0)
            {
                return;
            }

            lineStart = lineEnd + 1;
        }
    }

    private static void SplitLine(ReadOnlySpan<char> text, int lineStart, int lineEnd, List<TextSpan> output)
    {
        int firstChar = SkipWhiteSpace(text, lineStart, lineEnd);
        int sentenceStart = firstChar;
        int quotes = 0; // straight double quotes seen on this line before position i
        int i = firstChar;
        int leadingTitleEnd = FindGluedIntertitleEnd(text, firstChar, lineEnd);
        if (leadingTitleEnd > 0)
        {
            Emit(text, firstChar, leadingTitleEnd, output);
            quotes = text[firstChar..leadingTitleEnd].Count('"');
            sentenceStart = i = leadingTitleEnd;
        }

        while (i < lineEnd)
        {
            int found = text[i..lineEnd].IndexOfAny(ScanStops);
            if (found < 0)
            {
                break;
            }

            i += found;
            if (text[i] == '"')
            {
                quotes++;
                i++;
                continue;
            }

            // A run of stops ("?!", "...", "!!!") is judged as one.
            int runEnd = i + 1;
            while (runEnd < lineEnd && IsStop(text[runEnd]))
            {
                runEnd++;
            }

            int end = FindBoundary(text, firstChar, sentenceStart, i, runEnd, lineEnd, quotes, out int next);
            i = runEnd;
            if (end >= 0)
            {
                Emit(text, sentenceStart, end, output);
                sentenceStart = next;
                int titleEnd = FindGluedIntertitleEnd(text, sentenceStart, lineEnd);
                if (titleEnd > 0)
                {
                    Emit(text, sentenceStart, titleEnd, output);
                    quotes += text[i..titleEnd].Count('"');
                    sentenceStart = i = titleEnd;
                }
            }
        }

        Emit(text, sentenceStart, lineEnd, output);
    }

    /// <summary>
    /// Decides whether the stops in <c>[stop, runEnd)</c> end the sentence that began at
    /// <paramref name="sentenceStart"/>. Returns the end of that sentence (after any closing quotes
    /// and brackets) and, in <paramref name="next"/>, where the following one starts; or -1.
    /// </summary>
    private static int FindBoundary(
        ReadOnlySpan<char> text, int firstChar, int sentenceStart, int stop, int runEnd, int lineEnd,
        int quotes, out int next)
    {
        next = -1;

        // A stop that opens the sentence ("... et puis") cannot end it, and "(?)" or "[!]" marks a
        // doubt inside one. An elision "(...)" is judged like any ellipsis.
        bool exclamation = ContainsAny(text[stop..runEnd], '!', '?');
        if (stop == sentenceStart || (exclamation && IsOpeningBracket(text[stop - 1])))
        {
            return -1;
        }

        int end = ConsumeClosers(text, runEnd, lineEnd, quotes);

        // A stop at the end of the line needs no decision.
        if (end >= lineEnd)
        {
            return -1;
        }

        // Normally whitespace follows the sentence; without it ("3.5", "U.S.A", "?!),",
        // "example.com") there is no boundary, except for paragraphs glued by scraping.
        if (!char.IsWhiteSpace(text[end]))
        {
            if (!IsGluedBoundary(text, sentenceStart, stop, runEnd, end, lineEnd))
            {
                return -1;
            }

            next = end;
            return end;
        }

        int start = SkipWhiteSpace(text, end, lineEnd);
        if (start >= lineEnd)
        {
            return -1;
        }

        Start kind = ClassifyStart(text, start, lineEnd, out Opener opener, out int letter);
        bool closed = end > runEnd;
        bool split;
        if (exclamation)
        {
            // "Pourquoi ? » demande-t-il" and "?" he asked" continue in lowercase.
            split = StartsSentence(kind, opener, allowLowerA: false);
        }
        else if (runEnd - stop > 1 || text[stop] == '…')
        {
            // An ellipsis often trails off inside a sentence; it ends one only before a capital.
            split = kind == Start.Upper;
        }
        else
        {
            split = ClassifyWord(text, firstChar, sentenceStart, stop) switch
            {
                Word.Enumerator => false,

                // "M. Dupont", "cf. Le Monde": only a closing bracket or quote ends the sentence.
                Word.NeverFinal => closed && kind == Start.Upper,

                // "G. W. Bush", "Apple Inc. Chief...", "No. 5" go on; "in the U.S. The..." does not.
                Word.MaybeFinal when !closed => kind switch
                {
                    Start.Upper => opener == Opener.Quote || IsSentenceStarter(text, letter, lineEnd),
                    Start.Other => true,
                    _ => false,
                },
                Word.MaybeFinal => StartsSentence(kind, opener, allowLowerA: false),
                Word.BeforeNumber when kind == Start.Digit => false,

                // Sentence-initial "À" is often typed "à" (French keyboards lack a capital À), and
                // a lowercase "à" after the full stop of an ordinary word starts a sentence.
                _ => StartsSentence(kind, opener, allowLowerA: true),
            };
        }

        if (!split)
        {
            return -1;
        }

        next = start;
        return end;
    }

    /// <summary>Whether what follows a sentence-final stop opens a new sentence.</summary>
    private static bool StartsSentence(Start kind, Opener opener, bool allowLowerA) => kind switch
    {
        Start.Upper or Start.Digit or Start.Other => true,
        Start.LowerA => allowLowerA || opener == Opener.Bracket,

        // A bracketed aside after a sentence stands alone even in lowercase ("[voir carte]");
        // a quote that opens in lowercase is a fragment.
        Start.Lower => opener == Opener.Bracket,
        _ => false,
    };

    /// <summary>
    /// Whether a full stop with no space after it still ends a sentence, as in scraped text where
    /// paragraphs were glued together ("a voté la loi.Le maire...", "en mars.\"Nous...",
    /// "au port.- Un intertitre -Mardi..."). Only a capitalised word ("Le", "Selon",
    /// "D'après"), possibly after an opening quote, or a glued intertitle may follow, and the word
    /// before the stop must be an ordinary word: not an abbreviation or initial ("M.Dupont",
    /// "J.Smith"), and not part of a name with dots, slashes or digits (domains, URLs, file names,
    /// "ASP.NET", "3.Le"). Glued "?" and "!" are left alone: they mostly glue a question-style
    /// intertitle to its paragraph, which is then kept whole.
    /// </summary>
    private static bool IsGluedBoundary(
        ReadOnlySpan<char> text, int sentenceStart, int stop, int runEnd, int end, int lineEnd)
    {
        if (runEnd - stop != 1 || text[stop] != '.')
        {
            return false;
        }

        if (!StartsGluedSentence(text, end, lineEnd) && FindGluedIntertitleEnd(text, end, lineEnd) < 0)
        {
            return false;
        }

        int start = stop;
        while (start > sentenceStart && stop - start <= MaxWordLength && !char.IsWhiteSpace(text[start - 1]))
        {
            char c = text[start - 1];
            if (c is '.' or '/' or '@' or ':' or '_' or '\\' || char.IsDigit(c))
            {
                return false;
            }

            start--;
        }

        return stop - start >= 2 && stop - start <= MaxWordLength
            && ClassifyWord(text, firstChar: -1, sentenceStart, stop) == Word.Ordinary;
    }

    /// <summary>
    /// Whether a sentence can start at <paramref name="p"/>, glued to the previous one: a
    /// capitalised word ("Le", "D'après"; not a web domain such as "Annuaire.Com"), a title ("M.
    /// Dupont"), or after an opening quote any capitalised or upper-case word ("\"LES...").
    /// </summary>
    private static bool StartsGluedSentence(ReadOnlySpan<char> text, int p, int lineEnd)
    {
        if (text[p] is '"' or '«' or '“')
        {
            return IsCapitalisedWord(text, p + 1, lineEnd)
                || (p + 2 < lineEnd && char.IsUpper(text[p + 1]) && char.IsUpper(text[p + 2]));
        }

        int end = p;
        while (end < lineEnd && end - p <= MaxWordLength && char.IsLetter(text[end]))
        {
            end++;
        }

        ReadOnlySpan<char> word = text[p..end];
        if (end < lineEnd && text[end] == '.' && Abbreviations.NeverFinal.Contains(word))
        {
            return end + 1 < lineEnd && char.IsWhiteSpace(text[end + 1]);
        }

        return IsCapitalisedWord(text, p, lineEnd) && !Abbreviations.WebDomains.Contains(word);
    }

    /// <summary>A capital followed by a lowercase letter or an elision apostrophe ("Le", "D'après").</summary>
    private static bool IsCapitalisedWord(ReadOnlySpan<char> text, int p, int lineEnd) =>
        p + 1 < lineEnd && char.IsUpper(text[p])
        && (char.IsLower(text[p + 1])
            || (text[p + 1] is '\'' or '’' && p + 2 < lineEnd && char.IsLetter(text[p + 2])));

    /// <summary>
    /// Finds the end of an AFP-style intertitle ("- Un hiver difficile -") that starts at
    /// <paramref name="start"/> and is glued to the next paragraph ("-Le marché..."); returns
    /// the position after its closing dash, or -1. On a line of its own the intertitle needs no
    /// help, and a dash glued to a lowercase word ("la ville -une enclave- reste") is an aside.
    /// </summary>
    private static int FindGluedIntertitleEnd(ReadOnlySpan<char> text, int start, int lineEnd)
    {
        if (start + 2 >= lineEnd || !IsDash(text[start]) || !char.IsWhiteSpace(text[start + 1]))
        {
            return -1;
        }

        int limit = Math.Min(lineEnd, start + MaxIntertitleLength);
        for (int k = start + 3; k < limit; k++)
        {
            if (IsDash(text[k]) && char.IsWhiteSpace(text[k - 1]) && IsCapitalisedWord(text, k + 1, lineEnd))
            {
                return k + 1;
            }
        }

        return -1;
    }

    private static bool IsDash(char c) => c is '-' or '–' or '—';

    /// <summary>
    /// Skips the closing quotes and brackets that follow a stop and belong to the sentence it ends
    /// (<c>."</c>, <c>. »</c>, <c>.)</c>, <c>?'</c>); returns the position after the last one.
    /// </summary>
    private static int ConsumeClosers(ReadOnlySpan<char> text, int pos, int lineEnd, int quotes)
    {
        int end = pos;
        while (true)
        {
            int j = SkipWhiteSpace(text, end, lineEnd);
            if (j >= lineEnd)
            {
                return end;
            }

            char c = text[j];
            bool adjacent = j == end;
            bool spacedAfter = j + 1 >= lineEnd || char.IsWhiteSpace(text[j + 1]);
            switch (c)
            {
                // Unambiguous closers, attached or (French typography) spaced.
                case '»' or '”' or '›' or ')' or ']' or '}':
                    end = j + 1;
                    continue;

                // A single quote closes when attached to the stop or standing alone; otherwise it
                // opens the next sentence.
                case '\'' or '’' when adjacent || spacedAfter:
                    end = j + 1;
                    continue;

                // A straight double quote attached to the stop closes (unless a word is glued to it:
                // then it opens the next sentence); a spaced one standing alone closes only if a
                // quote is open on this line (odd count so far), otherwise it opens the next sentence.
                case '"' when (adjacent && (j + 1 >= lineEnd || !char.IsLetterOrDigit(text[j + 1])))
                              || (spacedAfter && quotes % 2 == 1):
                    end = j + 1;
                    quotes++;
                    continue;

                default:
                    return end;
            }
        }
    }

    private enum Start
    {
        /// <summary>Punctuation that cannot open a sentence (comma, colon, closer...).</summary>
        None,
        Upper,
        Lower,

        /// <summary>The word "à", the lowercase spelling of a sentence-initial "À".</summary>
        LowerA,
        Digit,

        /// <summary>A symbol or dash (bullets, "--", "***").</summary>
        Other,
    }

    private enum Opener
    {
        None,
        Quote,
        Bracket,
    }

    /// <summary>
    /// Classifies what starts at <paramref name="start"/>, looking through opening quotes and
    /// brackets (the first one is <paramref name="opener"/>); <paramref name="letter"/> is where
    /// the word begins.
    /// </summary>
    private static Start ClassifyStart(ReadOnlySpan<char> text, int start, int lineEnd, out Opener opener, out int letter)
    {
        opener = Opener.None;
        int p = start;
        while (p < lineEnd && (IsOpener(text[p]) || (opener != Opener.None && char.IsWhiteSpace(text[p]))))
        {
            if (opener == Opener.None)
            {
                opener = IsOpeningBracket(text[p]) ? Opener.Bracket : Opener.Quote;
            }

            p++;
        }

        letter = p;
        if (p >= lineEnd)
        {
            return Start.None;
        }

        char c = text[p];
        if (char.IsUpper(c))
        {
            return Start.Upper;
        }

        if (char.IsLower(c))
        {
            return c == 'à' && (p + 1 >= lineEnd || !char.IsLetter(text[p + 1])) ? Start.LowerA : Start.Lower;
        }

        if (char.IsLetter(c))
        {
            // Caseless scripts: any letter may start a sentence.
            return Start.Upper;
        }

        if (char.IsDigit(c) || char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol)
        {
            return Start.Digit;
        }

        if (opener != Opener.None)
        {
            return Start.Other;
        }

        return c switch
        {
            ',' or ';' or ':' or '.' or '!' or '?' or '…' or '%' or ')' or ']' or '}' or '»' or '”' or '’' => Start.None,
            _ when char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) => Start.None,
            _ => Start.Other,
        };
    }

    private enum Word
    {
        /// <summary>An ordinary word, number or symbol: a full stop after it ends the sentence.</summary>
        Ordinary,

        /// <summary>A list number opening a line ("1. Introduction").</summary>
        Enumerator,

        /// <summary>A title or shorthand that announces what follows (M., Dr., cf.).</summary>
        NeverFinal,

        /// <summary>An abbreviation or initial that may end a sentence (etc., Inc., U.S., J.).</summary>
        MaybeFinal,

        /// <summary>An abbreviation that announces a number (No. 5, p. 12, l'art. 3).</summary>
        BeforeNumber,
    }

    /// <summary>Classifies the token that ends with the full stop at <paramref name="stop"/>.</summary>
    private static Word ClassifyWord(ReadOnlySpan<char> text, int firstChar, int sentenceStart, int stop)
    {
        int limit = Math.Max(sentenceStart, stop - MaxWordLength);
        int start = stop;
        while (start > limit && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        if (start == limit && start > sentenceStart && !char.IsWhiteSpace(text[start - 1]))
        {
            return Word.Ordinary; // too long to be an abbreviation
        }

        while (start < stop && IsOpener(text[start]))
        {
            start++;
        }

        ReadOnlySpan<char> word = text[start..stop];
        if (word.IsEmpty)
        {
            return Word.Ordinary;
        }

        if (!char.IsLetter(word[^1]))
        {
            return start == firstChar && word.Length <= 3 && IsAllDigits(word) ? Word.Enumerator : Word.Ordinary;
        }

        // "l'art. 5", "d'env. 30": judge the word after a French elision.
        int apostrophe = word.IndexOfAny('\'', '’');
        if (apostrophe > 0 && Abbreviations.IsElision(word[..apostrophe]))
        {
            word = word[(apostrophe + 1)..];
        }

        Word kind = ClassifyAbbreviation(word);

        // "Lt.-Col.": a compound of abbreviations is judged by its last part ("J-C." stays an
        // ordinary word, as it often ends a sentence: "vers 50 avant J-C. Rome...").
        int hyphen = word.LastIndexOf('-');
        if (kind == Word.Ordinary && hyphen > 1 && hyphen < word.Length - 1 && word[hyphen - 1] == '.')
        {
            kind = ClassifyAbbreviation(word[(hyphen + 1)..]);
        }

        return kind;
    }

    private static Word ClassifyAbbreviation(ReadOnlySpan<char> word)
    {
        if (Abbreviations.NeverFinal.Contains(word))
        {
            return Word.NeverFinal;
        }

        if (Abbreviations.MaybeFinal.Contains(word) || IsInitials(word))
        {
            return Word.MaybeFinal;
        }

        return Abbreviations.BeforeNumber.Contains(word) ? Word.BeforeNumber : Word.Ordinary;
    }

    /// <summary>
    /// A single letter ("J", "W") or letters of one or two separated by dots or ".-"
    /// ("U.S", "H.R.F", "J.-C", "a.m", "Ph.D").
    /// </summary>
    private static bool IsInitials(ReadOnlySpan<char> word)
    {
        if (word.Length == 1)
        {
            return char.IsLetter(word[0]);
        }

        int letters = 0;
        bool dotted = false;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (char.IsLetter(c))
            {
                if (++letters > 2)
                {
                    return false;
                }
            }
            else if (c == '.' && letters > 0)
            {
                dotted = true;
                letters = 0;
            }
            else if (c == '-' && i > 0 && word[i - 1] == '.')
            {
                // "J.-C", "J.-P": the hyphen joins two initials.
            }
            else
            {
                return false;
            }
        }

        return dotted && letters > 0;
    }

    /// <summary>
    /// Whether the word at <paramref name="start"/> is one that commonly opens a sentence
    /// ("The", "Le", "L'armée"), as opposed to a name that follows an initial ("Bush").
    /// </summary>
    private static bool IsSentenceStarter(ReadOnlySpan<char> text, int start, int lineEnd)
    {
        int end = start;
        while (end < lineEnd && end - start <= MaxWordLength && char.IsLetter(text[end]))
        {
            end++;
        }

        ReadOnlySpan<char> word = text[start..end];
        if (end < lineEnd && text[end] is '\'' or '’')
        {
            return Abbreviations.Elisions.Contains(word);
        }

        // A lone capital followed by a full stop is another initial ("John F. A. Smith").
        if (word.Length == 1 && end < lineEnd && text[end] == '.')
        {
            return false;
        }

        return Abbreviations.SentenceStarters.Contains(word);
    }

    private static void Emit(ReadOnlySpan<char> text, int start, int end, List<TextSpan> output)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            output.Add(new TextSpan(start, end - start));
        }
    }

    private static int SkipWhiteSpace(ReadOnlySpan<char> text, int pos, int end)
    {
        while (pos < end && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static bool IsStop(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsOpeningBracket(char c) => c is '(' or '[' or '{';

    private static bool IsOpener(char c) =>
        c is '«' or '“' or '‘' or '„' or '‚' or '‹' or '"' or '\'' or '(' or '[' or '{' or '¿' or '¡';

    private static bool IsAllDigits(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsAny(ReadOnlySpan<char> span, char a, char b) => span.IndexOfAny(a, b) >= 0;
}
