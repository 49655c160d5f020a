using Attribution.Text;

namespace Attribution.Tests.Text;

public class TokenizerTests
{
    private static List<string> Normalized(string text)
    {
        var sentence = new TokenizedSentence();
        Tokenizer.Tokenize(text, sentence);
        var result = new List<string>();
        foreach (Token token in sentence.Tokens)
            result.Add(sentence.Normalized(token).ToString());
        return result;
    }

    [Fact]
    public void Lower_cases_and_folds_accents_and_ligatures()
    {
        Assert.Equal(["l'", "armee", "a", "precise", "coeur", "etat"], Normalized("L'Armée a PRÉCISÉ cœur État"));
    }

    [Fact]
    public void Splits_french_elisions_from_their_word()
    {
        Assert.Equal(["d'", "apres", "l'", "osdh", "qu'", "il", "jusqu'", "a"], Normalized("D'après l’OSDH qu'il jusqu’à"));
    }

    [Fact]
    public void Keeps_inverted_speech_forms_and_hyphenated_names_whole()
    {
        Assert.Equal(["a-t-il", "ajoute", "al-manar", "precise-t-elle"], Normalized("a-t-il ajouté al-Manar précise-t-elle"));
    }

    [Fact]
    public void Splits_english_possessive()
    {
        Assert.Equal(["hezbollah", "'s", "media"], Normalized("Hezbollah's media"));
    }

    [Fact]
    public void Reduces_numbers_to_a_shape()
    {
        Assert.Equal(["000.000", "0,0", "0000", "0er"], Normalized("120.000 3,5 2014 1er"));
        Assert.Equal(["0000"], Normalized("1234567"));
    }

    [Fact]
    public void Reduces_every_quote_style_to_one_mark_and_keeps_speech_punctuation()
    {
        Assert.Equal(["\"", "oui", "\"", ":", "\"", "non", "\""], Normalized("« oui » : “non”"));
    }

    [Fact]
    public void Source_spans_point_at_the_original_text()
    {
        const string text = "Selon l'OSDH, « 12 morts » à Alep.";
        var sentence = new TokenizedSentence();
        Tokenizer.Tokenize(text, sentence);
        foreach (Token token in sentence.Tokens)
        {
            Assert.InRange(token.SourceStart, 0, text.Length - 1);
            Assert.InRange(token.SourceStart + token.SourceLength, 1, text.Length);
        }
        Token osdh = sentence.Tokens.ToArray().Single(t => sentence.Normalized(t).SequenceEqual("osdh"));
        Assert.Equal("OSDH", text.Substring(osdh.SourceStart, osdh.SourceLength));
    }

    [Fact]
    public void Never_throws_on_odd_input()
    {
        var sentence = new TokenizedSentence();
        foreach (string text in new[] { "", "\0\u0001", "\ud800 lone surrogate", new string('x', 10_000), "'''---«««", "12.34.56,78h90" })
            Tokenizer.Tokenize(text, sentence);
    }
}
