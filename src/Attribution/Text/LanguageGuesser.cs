namespace Attribution.Text;

/// <summary>
/// Tells French from English text by counting each language's commonest function words: enough
/// for a whole document, which is all corpus statistics need. Anything else reads as "other".
/// </summary>
internal static class LanguageGuesser
{
    private static readonly WordSet French = new(
        "le", "la", "les", "l'", "des", "du", "de", "d'", "un", "une", "et", "est", "sont", "dans", "pour",
        "selon", "qui", "que", "qu'", "sur", "par", "au", "aux", "avec", "a", "ont", "ete", "il", "elle", "ne", "pas");

    private static readonly WordSet English = new(
        "the", "of", "and", "in", "to", "a", "is", "are", "was", "were", "for", "on", "by", "with", "said",
        "that", "from", "at", "it", "has", "have", "had", "he", "she", "they", "not", "this", "an");

    /// <summary>"fr", "en" or "other" for the given sentences of one document.</summary>
    public static string Guess(IEnumerable<string> texts)
    {
        var tokens = new TokenizedSentence();
        int french = 0, english = 0;
        foreach (string text in texts)
        {
            Tokenizer.Tokenize(text, tokens);
            foreach (Token token in tokens.Tokens)
            {
                ReadOnlySpan<char> word = tokens.Normalized(token);
                if (French.Contains(word))
                    french++;
                if (English.Contains(word))
                    english++;
            }
        }
        if (french == 0 && english == 0)
            return "other";
        return french >= english ? "fr" : "en";
    }
}
