namespace Attribution.Features;

/// <summary>
/// Where a feature came from, recorded only when a prediction is explained: its readable name, and
/// the span of text (document coordinates) that produced it; <see cref="Length"/> is 0 when none.
/// A word in a reporting cue's window also records the cue: its span and text.
/// </summary>
internal readonly record struct FeatureOrigin(int Index, string Name, int Start, int Length, int CueStart = -1, int CueLength = 0, string? CueText = null);
