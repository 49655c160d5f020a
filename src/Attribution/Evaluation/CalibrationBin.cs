namespace Attribution;

/// <summary>
/// One bin of a reliability diagram: the sentences whose confidence (probability of the predicted
/// label) falls in [<see cref="Lower"/>, <see cref="Upper"/>), and how often they were right.
/// </summary>
/// <param name="Lower">Lower bound of the bin's confidences (inclusive).</param>
/// <param name="Upper">Upper bound (exclusive, except 1 for the last bin).</param>
/// <param name="Count">Sentences in the bin.</param>
/// <param name="MeanConfidence">Their mean confidence (0 when the bin is empty).</param>
/// <param name="Accuracy">Share of them whose predicted label is the gold label (0 when empty).</param>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);
