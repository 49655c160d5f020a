namespace Attribution;

/// <summary>What a <see cref="CorpusScorer"/> run did. Counts include the run it resumed, if any.</summary>
public sealed class ScoringReport
{
    internal ScoringReport(long documents, long sentences, long errors, long otherShards, long resumedDocuments,
        bool interrupted, TimeSpan elapsed, long sentencesThisRun, long charactersThisRun)
    {
        Documents = documents;
        Sentences = sentences;
        Errors = errors;
        OtherShards = otherShards;
        ResumedDocuments = resumedDocuments;
        Interrupted = interrupted;
        Elapsed = elapsed;
        SentencesThisRun = sentencesThisRun;
        CharactersThisRun = charactersThisRun;
    }

    /// <summary>Documents scored and written (documents with no sentence included).</summary>
    public long Documents { get; }

    /// <summary>Sentences written.</summary>
    public long Sentences { get; }

    /// <summary>Documents that could not be read or scored, each reported as a <see cref="DocumentError"/>.</summary>
    public long Errors { get; }

    /// <summary>Documents left to other shards.</summary>
    public long OtherShards { get; }

    /// <summary>Records of the input already done by the interrupted run this one resumed (0 for a fresh run).</summary>
    public long ResumedDocuments { get; }

    /// <summary>True when the run was cancelled before the end; the output is left for a resumed run.</summary>
    public bool Interrupted { get; }

    /// <summary>Wall time of this run.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Sentences written by this run alone.</summary>
    public long SentencesThisRun { get; }

    /// <summary>UTF-16 characters of document text scored by this run alone.</summary>
    public long CharactersThisRun { get; }
}
