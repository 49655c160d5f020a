namespace Attribution.Features;

/// <summary>The families of features; each hashes into the same space with its own seed and name prefix.</summary>
internal enum FeatureFamily : byte
{
    /// <summary>Word unigram of the sentence ("w:").</summary>
    Word = 1,
    /// <summary>Word bigram of the sentence, with start and end markers ("b:").</summary>
    Bigram = 2,
    /// <summary>Character n-gram of a word of the sentence ("c:").</summary>
    CharNgram = 3,
    /// <summary>Shape of the sentence: position, length, punctuation ("s:").</summary>
    Shape = 4,
    /// <summary>Word of the previous sentence ("p1:").</summary>
    Previous1 = 5,
    /// <summary>Word of the sentence before the previous one ("p2:").</summary>
    Previous2 = 6,
    /// <summary>Word of the previous sentence, when this one has a cue that carries attribution ("k1:").</summary>
    Carried1 = 7,
    /// <summary>Word of the sentence before the previous one, when this one carries attribution ("k2:").</summary>
    Carried2 = 8,
    /// <summary>Word just after a reporting cue of the sentence ("ra:"): the likely speaker.</summary>
    CueAfter = 9,
    /// <summary>Word just before a reporting cue of the sentence ("rb:"): the likely speaker.</summary>
    CueBefore = 10,
    /// <summary>Word near a reporting cue of the previous sentence ("p1r:").</summary>
    Previous1Cue = 11,
    /// <summary>Word near a reporting cue of the sentence before the previous one ("p2r:").</summary>
    Previous2Cue = 12,
    /// <summary>Word near a reporting cue of the previous sentence, when this one carries attribution ("k1r:").</summary>
    Carried1Cue = 13,
    /// <summary>Word near a reporting cue two sentences back, when this one carries attribution ("k2r:").</summary>
    Carried2Cue = 14,
}
