namespace Attribution;

/// <summary>Precision, recall and F1 of one label, with its support (gold sentences).</summary>
/// <param name="Precision">Share of sentences predicted with the label that have it.</param>
/// <param name="Recall">Share of sentences with the label that were predicted with it.</param>
/// <param name="F1">Harmonic mean of precision and recall (0 when both are 0).</param>
/// <param name="Support">Number of gold sentences with the label.</param>
public sealed record LabelMetrics(double Precision, double Recall, double F1, int Support);
