namespace Attribution;

/// <summary>
/// One reason for a prediction: a feature, how much it raised the chosen label's score over the
/// average label, and the span of text it came from (in the same coordinates as the sentence's
/// <see cref="SentenceAttribution.Start"/>; it may lie in a previous sentence when the source was
/// carried). <see cref="Length"/> is 0 for features with no single span.
/// </summary>
/// <param name="Feature">Readable feature name, such as <c>w:osdh</c> or <c>k1:sana</c>.</param>
/// <param name="Contribution">Its contribution to the chosen label's score.</param>
/// <param name="Start">Start of the text span that produced it.</param>
/// <param name="Length">Length of the span.</param>
public sealed record Evidence(string Feature, double Contribution, int Start, int Length);
