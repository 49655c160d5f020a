namespace Attribution;

/// <summary>
/// What a labelled corpus holds in one language (or in all, for the total): sizes, labels, how
/// attribution is expressed, and the hard cases it teaches.
/// </summary>
public sealed class LanguageStatistics
{
    internal LanguageStatistics(string language, int documents, int sentences, int attributed, int carried, int multiLabel,
        IReadOnlyDictionary<string, int> primaryCounts, IReadOnlyDictionary<string, int> labelCounts,
        IReadOnlyDictionary<string, int> hardNegatives, IReadOnlyDictionary<string, int> cues)
    {
        Language = language;
        Documents = documents;
        Sentences = sentences;
        AttributedSentences = attributed;
        CarriedSentences = carried;
        MultiLabelSentences = multiLabel;
        PrimaryCounts = primaryCounts;
        LabelCounts = labelCounts;
        HardNegatives = hardNegatives;
        Cues = cues;
    }

    /// <summary>"fr", "en", "other", or "all" for the whole corpus.</summary>
    public string Language { get; }

    /// <summary>Number of documents.</summary>
    public int Documents { get; }

    /// <summary>Number of sentences.</summary>
    public int Sentences { get; }

    /// <summary>Sentences whose primary label is a source (not the no-attribution label).</summary>
    public int AttributedSentences { get; }

    /// <summary>
    /// Attributed sentences that take their source only from the sentence before: same label as
    /// it, the source not named again, and either an anaphoric cue ("a-t-il ajouté", "selon elle",
    /// "the source added") or no reporting cue at all (a quote or enumeration that runs on).
    /// </summary>
    public int CarriedSentences { get; }

    /// <summary><see cref="CarriedSentences"/> as a share of <see cref="AttributedSentences"/>.</summary>
    public double CarriedShare => AttributedSentences == 0 ? 0 : (double)CarriedSentences / AttributedSentences;

    /// <summary>Sentences with more than one label.</summary>
    public int MultiLabelSentences { get; }

    /// <summary>Sentences per primary label.</summary>
    public IReadOnlyDictionary<string, int> PrimaryCounts { get; }

    /// <summary>Sentences carrying each label anywhere (primary or secondary).</summary>
    public IReadOnlyDictionary<string, int> LabelCounts { get; }

    /// <summary>
    /// Per shipped source label, the unattributed sentences that name that source as actor or topic
    /// ("L'armée a repris la ville", "l'ONU a voté une résolution").
    /// </summary>
    public IReadOnlyDictionary<string, int> HardNegatives { get; }

    /// <summary>Attributed sentences using each reporting verb or phrase, keyed "fr:annoncer", "en:said".</summary>
    public IReadOnlyDictionary<string, int> Cues { get; }

    /// <summary>Number of distinct reporting verbs and phrases used in attributed sentences.</summary>
    public int DistinctCues => Cues.Count;
}
