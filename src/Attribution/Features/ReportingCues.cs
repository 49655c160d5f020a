using Attribution.Text;

namespace Attribution.Features;

/// <summary>
/// Words that introduce or close reported speech in French and English news ("selon", "a indiqué",
/// "d'après", "citant", "said", "according", "told"). The words just after and just before such a
/// cue usually name the speaker, so they become features of their own: that is how the model tells
/// "L'armée a repris la ville, a annoncé le Hezbollah" (the Hezbollah speaks) from its reverse.
/// Facts of the two languages, not of any label, so they hold when users add labels.
/// </summary>
internal static class ReportingCues
{
    /// <summary>How many words after a cue are taken as the possible speaker.</summary>
    public const int WindowAfter = 6;

    /// <summary>How many words before a cue are taken as the possible speaker.</summary>
    public const int WindowBefore = 8;

    // Folded forms (lower case, no accents), as the tokenizer produces them: the lexicon's one-word
    // verbs in every inflection, plus the nouns and particles that announce a source.
    private static readonly WordSet Cues = new(
    [
        .. CueLexicon.Default.SingleWords,
        "selon", "apres", "citant", "source", "sources", "communique", "rapport", "fait", "etat",
        "according", "statement", "reporter", "correspondent", "reportedly",
    ]);

    /// <summary>Whether a folded word is a cue; an inverted verb ("precise-t-il") counts as its verb.</summary>
    public static bool IsCue(ReadOnlySpan<char> folded) =>
        Cues.Contains(folded) || (folded.Contains('-') && Cues.Contains(CueLexicon.StripInversion(folded)));
}
