using Attribution.Text;

namespace Attribution.Features;

/// <summary>
/// Recognises sentences that continue someone's statement without naming them: inverted speech
/// verbs ("a-t-il ajouté", "précise-t-elle", "dit-il"), "selon lui", "la même source", a pronoun
/// with a speech verb ("he added", "elle a souligné"), or a quote that runs on. These are facts of
/// French and English, not of any label, so they stay valid when users add labels.
/// </summary>
internal static class CarryCues
{
    private static readonly string[] InvertedSuffixes = ["-t-il", "-t-elle", "-t-on", "-il", "-elle", "-ils", "-elles"];

    private static readonly WordSet Pronouns = new("il", "elle", "ils", "elles", "he", "she", "it", "they", "lui", "eux");

    private static readonly WordSet SpeechVerbs = new(
    [
        "ajoute", "ajoutee", "precise", "precisee", "indique", "souligne", "poursuit", "poursuivi", "explique",
        "affirme", "assure", "declare", "dit", "estime", "note", "rappele", "rappelle", "insiste", "confirme",
        "added", "adds", "said", "says", "noted", "told", "explained", "stressed", "continued", "warned",
        "stated", "insisted", "confirmed", "according",
    ]);

    private static readonly WordSet SourceNouns = new("source", "sources", "communique", "statement", "rapport", "report", "document", "texte");

    /// <summary>True when <paramref name="current"/> reads as the continuation of a statement.</summary>
    public static bool Carries(TokenizedSentence current, TokenizedSentence? previous)
    {
        ReadOnlySpan<Token> tokens = current.Tokens;
        if (tokens.Length > 0 && tokens[0].Kind == TokenKind.Quote)
            return true;
        if (previous is not null && HasUnclosedQuote(previous))
            return true;
        return IsAnaphoric(current);
    }

    /// <summary>
    /// True when the sentence points back to a speaker named earlier ("a-t-il ajouté", "selon elle",
    /// "la même source", "he added"), whatever its quotes.
    /// </summary>
    public static bool IsAnaphoric(TokenizedSentence current)
    {
        ReadOnlySpan<Token> tokens = current.Tokens;
        bool? speechVerb = null;  // looked up once: per match it made a huge sentence quadratic
        for (int i = 0; i < tokens.Length; i++)
        {
            ReadOnlySpan<char> word = current.Normalized(tokens[i]);
            if (tokens[i].Kind != TokenKind.Word)
                continue;
            foreach (string suffix in InvertedSuffixes)
                if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
                    return true;
            if (SpeechVerbs.Contains(word) && HasPronounNear(current, i))
                return true;
            // "selon lui", "d'après elle", "la même source", "the same source", "the source added"
            if (i + 1 < tokens.Length && Pronouns.Contains(current.Normalized(tokens[i + 1])) && (word.SequenceEqual("selon") || word.SequenceEqual("apres")))
                return true;
            if (i + 1 < tokens.Length && (word.SequenceEqual("meme") || word.SequenceEqual("same") || word.SequenceEqual("the") || word.SequenceEqual("le") || word.SequenceEqual("la"))
                && SourceNouns.Contains(current.Normalized(tokens[i + 1])) && (word.Length > 3 || (speechVerb ??= HasSpeechVerb(current))))
                return true;
        }
        return false;
    }

    private static bool HasPronounNear(TokenizedSentence sentence, int at)
    {
        ReadOnlySpan<Token> tokens = sentence.Tokens;
        for (int j = Math.Max(0, at - 3); j <= Math.Min(tokens.Length - 1, at + 2); j++)
            if (j != at && Pronouns.Contains(sentence.Normalized(tokens[j])))
                return true;
        return false;
    }

    private static bool HasSpeechVerb(TokenizedSentence sentence)
    {
        foreach (Token token in sentence.Tokens)
            if (SpeechVerbs.Contains(sentence.Normalized(token)))
                return true;
        return false;
    }

    private static bool HasUnclosedQuote(TokenizedSentence sentence)
    {
        int quotes = 0;
        foreach (Token token in sentence.Tokens)
            if (token.Kind == TokenKind.Quote && !IsApostropheInText(sentence, token))
                quotes++;
        return quotes % 2 == 1;
    }

    // A lone straight apostrophe ("les rebelles' positions") is not a quote mark worth counting.
    private static bool IsApostropheInText(TokenizedSentence sentence, Token token) =>
        CharFolding.IsApostrophe(sentence.Text[token.SourceStart]);
}
