namespace Attribution;

/// <summary>A sentence the model got wrong, with what it predicted and why.</summary>
/// <param name="DocumentId">Its document.</param>
/// <param name="Index">Its position in the document.</param>
/// <param name="Text">The sentence.</param>
/// <param name="PreviousText">The sentence before it in the document, or null; evidence may point into it.</param>
/// <param name="Gold">The gold primary label.</param>
/// <param name="Predicted">The predicted label.</param>
/// <param name="Confidence">The probability of the predicted label.</param>
/// <param name="Evidence">The features that favoured the predicted label; offsets are relative to <paramref name="PreviousText"/> followed by one separator character and <paramref name="Text"/>.</param>
/// <param name="Cue">The reporting cue behind the prediction, in the same coordinates, or null.</param>
public sealed record MisattributedSentence(string DocumentId, int Index, string Text, string? PreviousText, string Gold, string Predicted,
    double Confidence, IReadOnlyList<Evidence> Evidence, ReportingCue? Cue);
