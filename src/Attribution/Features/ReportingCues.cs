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

    // Folded forms (lower case, no accents), as the tokenizer produces them.
    private static readonly WordSet Cues = new(
    [
        // French
        "selon", "apres", "citant", "cite", "citee", "cites", "source", "sources", "communique", "rapport",
        "annonce", "annoncee", "annonces", "annoncent", "indique", "indiquee", "indiquent", "affirme", "affirmee", "affirment",
        "declare", "declaree", "declarent", "precise", "precisee", "precisent", "rapporte", "rapportee", "rapportent",
        "ajoute", "ajoutee", "souligne", "soulignee", "explique", "assure", "assuree", "estime", "estimee", "note",
        "rappelle", "confirme", "confirmee", "dementi", "dement", "accuse", "denonce", "denoncee", "signale", "signalee",
        "poursuit", "poursuivi", "insiste", "avertit", "averti", "relate", "raconte", "constate", "dit", "fait", "etat",
        "revendique", "revendiquee", "deplore",
        // English
        "said", "says", "say", "told", "tells", "reported", "reports", "according", "added", "adds", "noted", "stated",
        "announced", "claimed", "confirmed", "denied", "warned", "quoted", "quoting", "cited", "citing", "statement",
        "reporter", "correspondent", "stressed", "explained", "insisted", "accused", "condemned", "reportedly",
    ]);

    public static bool IsCue(ReadOnlySpan<char> folded) =>
        Cues.Contains(folded) || CueLexicon.Default.SingleWords.Contains(CueLexicon.StripInversion(folded));
}
