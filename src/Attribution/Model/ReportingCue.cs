namespace Attribution;

/// <summary>
/// The reporting cue behind a prediction ("selon", "a indiqué", "said"): the cue whose surrounding
/// words raised the chosen label most. For a carried attribution ("« ... », a-t-il ajouté.") it
/// lies in an earlier sentence, where the speaker was named.
/// </summary>
/// <param name="Text">The cue as written.</param>
/// <param name="Start">Its offset, in the same coordinates as <see cref="SentenceAttribution.Start"/>.</param>
/// <param name="Length">Its length in characters.</param>
/// <param name="InEarlierSentence">True when the cue is in one of the two sentences before.</param>
public sealed record ReportingCue(string Text, int Start, int Length, bool InEarlierSentence);
