namespace Attribution;

/// <summary>The source a sentence is attributed to, with the model's confidence and its reasons.</summary>
public sealed class SentenceAttribution
{
    internal SentenceAttribution(int index, int start, int length, string text, string label, double confidence,
        IReadOnlyDictionary<string, double> scores, IReadOnlyList<Evidence> evidence, ReportingCue? cue, IReadOnlyList<string> labels)
    {
        Index = index;
        Start = start;
        Length = length;
        Text = text;
        Label = label;
        Confidence = confidence;
        Scores = scores;
        Evidence = evidence;
        Cue = cue;
        Labels = labels;
    }

    /// <summary>Position of the sentence in its document (0 for a sentence predicted on its own).</summary>
    public int Index { get; }

    /// <summary>Offset of the sentence in the text it was taken from.</summary>
    public int Start { get; }

    /// <summary>Length of the sentence in characters.</summary>
    public int Length { get; }

    /// <summary>The sentence.</summary>
    public string Text { get; }

    /// <summary>The predicted primary label.</summary>
    public string Label { get; }

    /// <summary>
    /// Every source the sentence is attributed to: <see cref="Label"/> first, then any other label
    /// whose probability reaches the model's <see cref="ModelManifest.SecondaryThreshold"/>, most
    /// likely first ("a military source told SANA": MilitarySource, SANA).
    /// </summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Probability of <see cref="Label"/>, between 0 and 1.</summary>
    public double Confidence { get; }

    /// <summary>Probability of every label of the model.</summary>
    public IReadOnlyDictionary<string, double> Scores { get; }

    /// <summary>The features that most favoured <see cref="Label"/>, strongest first (empty when not requested).</summary>
    public IReadOnlyList<Evidence> Evidence { get; }

    /// <summary>
    /// The reporting cue that most supported <see cref="Label"/>, in this sentence or an earlier one;
    /// null when no cue did (narration) or when evidence was not requested.
    /// </summary>
    public ReportingCue? Cue { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Label} {Confidence:0.00} [{Start}+{Length}] {Text}";
}
