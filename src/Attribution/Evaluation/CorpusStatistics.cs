using Attribution.Features;
using Attribution.Learning;
using Attribution.Text;

namespace Attribution;

/// <summary>
/// The profile of a labelled corpus, per language and in total: what <c>attribution validate-data</c>
/// prints. The language of each document is guessed from its function words.
/// </summary>
public sealed class CorpusStatistics
{
    private CorpusStatistics(IReadOnlyList<string> labels, LanguageStatistics total, IReadOnlyList<LanguageStatistics> languages)
    {
        Labels = labels;
        Total = total;
        Languages = languages;
    }

    /// <summary>Every label in the corpus, in ordinal order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The whole corpus.</summary>
    public LanguageStatistics Total { get; }

    /// <summary>One entry per language found, in ordinal order of the language code.</summary>
    public IReadOnlyList<LanguageStatistics> Languages { get; }

    /// <summary>Profiles <paramref name="sentences"/>.</summary>
    /// <param name="sentences">The labelled sentences, in any order; documents are regrouped by id.</param>
    /// <param name="noAttributionLabel">The label meaning "no source" (the shipped set's <c>None</c>).</param>
    public static CorpusStatistics Compute(IEnumerable<LabelledSentence> sentences, string noAttributionLabel = "None")
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentException.ThrowIfNullOrEmpty(noAttributionLabel);

        var total = new Tally("all");
        var byLanguage = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        var tokens = new TokenizedSentence();
        var cues = new HashSet<string>(StringComparer.Ordinal);
        var mentions = new HashSet<string>(StringComparer.Ordinal);

        foreach (LabelledSentence[] document in Documents.Group(sentences))
        {
            string language = LanguageGuesser.Guess(document.Select(s => s.Text));
            if (!byLanguage.TryGetValue(language, out Tally? tally))
                byLanguage[language] = tally = new Tally(language);
            tally.Documents++;
            total.Documents++;

            LabelledSentence? previous = null;
            foreach (LabelledSentence sentence in document)
            {
                Tokenizer.Tokenize(sentence.Text, tokens);
                cues.Clear();
                mentions.Clear();
                CueLexicon.Default.Find(tokens, language, cues);
                SourceMentions.Default.Find(tokens, mentions);

                string primary = sentence.Label;
                bool attributed = primary != noAttributionLabel;
                bool carried = attributed && previous is not null && previous.Labels.Contains(primary)
                    && !mentions.Contains(primary) && (cues.Count == 0 || CarryCues.IsAnaphoric(tokens));

                foreach (Tally t in new[] { tally, total })
                {
                    t.Sentences++;
                    Increment(t.Primary, primary);
                    foreach (string label in sentence.Labels.Distinct())
                        Increment(t.Anywhere, label);
                    if (sentence.Labels.Count > 1)
                        t.MultiLabel++;
                    if (attributed)
                    {
                        t.Attributed++;
                        foreach (string cue in cues)
                            Increment(t.Cues, cue);
                    }
                    else
                    {
                        foreach (string source in mentions)
                            Increment(t.HardNegatives, source);
                    }
                    if (carried)
                        t.Carried++;
                }
                foreach (string label in sentence.Labels)
                    labels.Add(label);
                previous = sentence;
            }
        }

        return new CorpusStatistics(labels.ToArray(), total.Freeze(), byLanguage.Values.Select(t => t.Freeze()).ToArray());
    }

    private static void Increment(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private sealed class Tally(string language)
    {
        public int Documents, Sentences, Attributed, Carried, MultiLabel;
        public readonly SortedDictionary<string, int> Primary = new(StringComparer.Ordinal);
        public readonly SortedDictionary<string, int> Anywhere = new(StringComparer.Ordinal);
        public readonly SortedDictionary<string, int> HardNegatives = new(StringComparer.Ordinal);
        public readonly SortedDictionary<string, int> Cues = new(StringComparer.Ordinal);

        public LanguageStatistics Freeze() => new(language, Documents, Sentences, Attributed, Carried, MultiLabel,
            Primary.AsReadOnly(), Anywhere.AsReadOnly(), HardNegatives.AsReadOnly(), Cues.AsReadOnly());
    }
}
