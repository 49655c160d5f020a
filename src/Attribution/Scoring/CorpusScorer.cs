using System.Collections.Concurrent;
using System.Diagnostics;
using Attribution.IO;
using Attribution.Model;
using Attribution.Scoring;
using Attribution.Text;

namespace Attribution;

/// <summary>
/// Scores a whole corpus with a model: reads documents, splits and tags them on several threads,
/// and writes every sentence in input order. Memory stays flat whatever the corpus size (a bounded
/// number of documents is in flight), the output bytes are the same for any thread count, nothing
/// is lost (an unreadable document is reported and counted, the rest go on), and a file output is
/// written beside its target and renamed at the end, with checkpoints so that an interrupted run
/// can be resumed to the same bytes. Thread-safe: one instance can run several corpora at once.
/// </summary>
public sealed class CorpusScorer
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly AttributionModel _model;
    private readonly ScoringOptions _options;

    /// <summary>Creates a scorer; the options are validated here.</summary>
    public CorpusScorer(AttributionModel model, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= ScoringOptions.Default;
        options.Validate();
        _model = model;
        _options = options;
    }

    /// <summary>The options of this scorer.</summary>
    public ScoringOptions Options => _options;

    /// <summary>
    /// Scores <paramref name="input"/> (a folder, a JSONL or CSV file, or "-" for standard input) into
    /// <paramref name="output"/> (a file, or "-" for standard output). A file output appears only when
    /// the run completes; until then it is <c>OUTPUT.partial</c> with <c>OUTPUT.checkpoint</c>, which
    /// <see cref="ScoringOptions.Resume"/> continues from.
    /// </summary>
    /// <param name="input">The corpus.</param>
    /// <param name="output">Where the scored sentences go.</param>
    /// <param name="progress">Receives progress a few times a second, or null.</param>
    /// <param name="errors">Receives each document that cannot be read or scored, in input order, or null.</param>
    /// <param name="cancellationToken">Stops the run cleanly: what is scored is written and checkpointed.</param>
    /// <exception cref="DataFormatException">The input is missing or its columns are not there.</exception>
    /// <exception cref="InvalidOperationException">A resume was asked with different settings from the interrupted run.</exception>
    public ScoringReport Score(string input, string output, IProgress<ScoringProgress>? progress = null,
        Action<DocumentError>? errors = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        ArgumentException.ThrowIfNullOrEmpty(output);
        CorpusFormat format = _options.InputFormat ?? CorpusReader.InferFormat(input);
        using CorpusReader reader = CorpusReader.Open(input, format, _options.IdField, _options.TextField, Console.OpenStandardInput, _options.MaxDocumentCharacters);
        if (output == "-")
        {
            if (_options.Resume)
                throw new InvalidOperationException("--resume needs an output file: standard output cannot be resumed.");
            using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 20);
            using Stream? summary = OpenFresh(_options.SummaryPath);
            return Run(reader, stdout, summary, null, null, progress, errors, cancellationToken);
        }
        return ScoreToFile(reader, Settings(input, format), Path.GetFullPath(output), progress, errors, cancellationToken);
    }

    /// <summary>
    /// Scores a corpus read from <paramref name="input"/> (JSONL or CSV, gzip allowed) into
    /// <paramref name="output"/>, which is written to as the run goes; no resume.
    /// </summary>
    public ScoringReport Score(Stream input, Stream output, IProgress<ScoringProgress>? progress = null,
        Action<DocumentError>? errors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using CorpusReader reader = CorpusReader.Open("-", _options.InputFormat ?? CorpusFormat.JsonLines, _options.IdField, _options.TextField, () => input,
            _options.MaxDocumentCharacters);
        using Stream? summary = OpenFresh(_options.SummaryPath);
        return Run(reader, output, summary, null, null, progress, errors, cancellationToken);
    }

    /// <summary>
    /// Runs <see cref="Score(string, string, IProgress{ScoringProgress}?, Action{DocumentError}?, CancellationToken)"/>
    /// on a dedicated thread, so that a caller such as a web request or a UI is not blocked for the
    /// length of a corpus. Cancelling stops the run cleanly; the report then says it was interrupted.
    /// </summary>
    public Task<ScoringReport> ScoreAsync(string input, string output, IProgress<ScoringProgress>? progress = null,
        Action<DocumentError>? errors = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        ArgumentException.ThrowIfNullOrEmpty(output);
        return OnOwnThread(() => Score(input, output, progress, errors, cancellationToken));
    }

    /// <summary>
    /// Runs <see cref="Score(Stream, Stream, IProgress{ScoringProgress}?, Action{DocumentError}?, CancellationToken)"/>
    /// on a dedicated thread; see <see cref="ScoreAsync(string, string, IProgress{ScoringProgress}?, Action{DocumentError}?, CancellationToken)"/>.
    /// </summary>
    public Task<ScoringReport> ScoreAsync(Stream input, Stream output, IProgress<ScoringProgress>? progress = null,
        Action<DocumentError>? errors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        return OnOwnThread(() => Score(input, output, progress, errors, cancellationToken));
    }

    // A run blocks its thread for as long as the corpus takes, so it gets one of its own rather than a pool thread.
    private static Task<ScoringReport> OnOwnThread(Func<ScoringReport> run) =>
        Task.Factory.StartNew(run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private ScoringReport ScoreToFile(CorpusReader reader, string settings, string output, IProgress<ScoringProgress>? progress,
        Action<DocumentError>? errors, CancellationToken cancellationToken)
    {
        string partial = output + ".partial", checkpointPath = output + ".checkpoint";
        string? summaryPath = _options.SummaryPath is null ? null : Path.GetFullPath(_options.SummaryPath);
        string? summaryPartial = summaryPath is null ? null : summaryPath + ".partial";
        Checkpoint? start = _options.Resume ? Checkpoint.Load(checkpointPath) : null;
        if (start is null)
            File.Delete(checkpointPath);  // a fresh run: an older run's checkpoint no longer describes the partial file
        if (start is not null && start.Settings != settings)
            throw new InvalidOperationException(
                $"{checkpointPath} was left by a run with other settings ({start.Settings}); run without --resume to start again, or with the same model, input and options.");

        FileStream? outputFile = null, summaryFile = null;
        try
        {
            outputFile = OpenPartial(partial, start?.OutputBytes);
            summaryFile = summaryPartial is null ? null : OpenPartial(summaryPartial, start?.SummaryBytes);
            ScoringReport report;
            try
            {
                report = Run(reader, outputFile, summaryFile, start, (checkpointPath, settings), progress, errors, cancellationToken);
            }
            catch (DataFormatException) when (start is null)
            {
                // The input cannot be read at all (wrong columns, say): nothing worth resuming.
                outputFile.Dispose();
                summaryFile?.Dispose();
                foreach (string? leftover in new[] { partial, checkpointPath, summaryPartial })
                    if (leftover is not null)
                        File.Delete(leftover);
                throw;
            }
            outputFile.Dispose();
            summaryFile?.Dispose();
            if (!report.Interrupted)
            {
                // The checkpoint goes first: a kill before the renames leaves a finished partial
                // file and no checkpoint, which a rerun simply redoes.
                File.Delete(checkpointPath);
                if (summaryPartial is not null)
                    File.Move(summaryPartial, summaryPath!, overwrite: true);
                File.Move(partial, output, overwrite: true);
            }
            return report;
        }
        finally
        {
            outputFile?.Dispose();
            summaryFile?.Dispose();
        }
    }

    // A fresh partial file, or the partial file of a resumed run cut back to its last checkpoint.
    private static FileStream OpenPartial(string path, long? resumeAt)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (resumeAt is not { } length)
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
        var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, 1 << 20);
        if (file.Length < length)
        {
            file.Dispose();
            throw new InvalidOperationException($"{path} is shorter ({file.Length} bytes) than its checkpoint says ({length}); run without --resume to start again.");
        }
        file.SetLength(length);
        file.Seek(length, SeekOrigin.Begin);
        return file;
    }

    private static FileStream? OpenFresh(string? path) =>
        path is null ? null : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);

    private string Settings(string input, CorpusFormat format) => string.Join(';',
        $"model={_model.Manifest.WeightsSha256}",
        $"input={(input == "-" ? "-" : Path.GetFullPath(input))}",
        $"input-format={format}",
        $"format={_options.Format}",
        $"id={_options.IdField}",
        $"text={_options.TextField}",
        $"shard={_options.Shard}",
        $"summary={_options.SummaryPath is not null}",
        $"evidence={_options.EvidenceCount}",
        $"max-chars={_options.MaxDocumentCharacters}");

    /// <summary>
    /// The pipeline. <paramref name="start"/> is the checkpoint of a run being resumed;
    /// <paramref name="checkpoint"/> says where checkpoints go and the settings they record (none for streams).
    /// </summary>
    private ScoringReport Run(CorpusReader reader, Stream output, Stream? summary, Checkpoint? start, (string Path, string Settings)? checkpoint,
        IProgress<ScoringProgress>? progress, Action<DocumentError>? errors, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string[] labels = _model.Labels.ToArray();
        if (start is null)
        {
            using var header = new PooledBufferWriter();
            ScoreFormatter.Create(_options.Format, labels).WriteHeader(header);
            output.Write(header.WrittenSpan);
            if (summary is not null)
            {
                using var summaryHeader = new PooledBufferWriter();
                SummaryFormatter.WriteHeader(summaryHeader, labels);
                summary.Write(summaryHeader.WrittenSpan);
            }
        }

        // Batches in input order for the writer, and the same batches for the workers; the bounded
        // writer queue holds back the reader, which keeps memory flat.
        using var queue = new BlockingCollection<DocumentBatch>(Math.Max(2 * _options.Threads, _options.MaxDocumentsInFlight / DocumentBatch.MaxDocuments));
        using var work = new BlockingCollection<DocumentBatch>();
        Exception? readFailure = null;
        long skip = start?.Consumed ?? 0;
        int batchSize = Math.Min(DocumentBatch.MaxDocuments, _options.MaxDocumentsInFlight);
        // Decoding (UTF-8 and JSON checks, reading text files) happens on the reading thread while
        // a processor is left over for it, and on the scoring threads once they take them all.
        bool decodeWhileReading = _options.Threads < Environment.ProcessorCount;
        var readerThread = new Thread(() =>
        {
            var batch = new DocumentBatch();
            void Send()
            {
                queue.Add(batch, cancellationToken);
                work.Add(batch);
                batch = new DocumentBatch();
            }
            try
            {
                foreach (CorpusRecord record in reader.Records(skip))
                {
                    batch.Add(new ScoredDocument(decodeWhileReading ? reader.Decode(record) : record));
                    if (batch.IsFull || batch.Documents.Count >= batchSize)
                        Send();
                    if (cancellationToken.IsCancellationRequested)
                        break;
                }
                if (batch.Documents.Count > 0)
                    Send();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                readFailure = e;
            }
            finally
            {
                queue.CompleteAdding();
                work.CompleteAdding();
            }
        }) { IsBackground = true, Name = "corpus reader" };
        var workers = new Thread[_options.Threads];
        for (int t = 0; t < workers.Length; t++)
        {
            workers[t] = new Thread(() => Work(reader, work, labels)) { IsBackground = true, Name = $"scorer {t + 1}" };
            workers[t].Start();
        }
        readerThread.Start();

        long documents = start?.Documents ?? 0, sentences = start?.Sentences ?? 0, failed = start?.Errors ?? 0;
        long otherShards = start?.OtherShards ?? 0, consumed = skip, sentencesThisRun = 0, charactersThisRun = 0;
        TimeSpan lastCheckpoint = TimeSpan.Zero, lastProgress = TimeSpan.Zero;
        void SaveCheckpoint()
        {
            output.Flush();
            summary?.Flush();
            if (checkpoint is not { } target)
                return;
            new Checkpoint
            {
                Settings = target.Settings, Consumed = consumed, OutputBytes = output.Position, SummaryBytes = summary?.Position ?? 0,
                Documents = documents, Sentences = sentences, Errors = failed, OtherShards = otherShards,
            }.Save(target.Path);
        }

        foreach (DocumentBatch batch in queue.GetConsumingEnumerable())
        {
            batch.WaitScored();
            foreach (ScoredDocument document in batch.Documents)
            {
                CorpusRecord record = document.Record;
                string? error = record.Error ?? document.Error;
                if (!document.InShard)
                    otherShards++;
                else if (error is not null)
                {
                    failed++;
                    errors?.Invoke(new DocumentError(record.Location, record.Id, error));
                    if (summary is not null)
                    {
                        using var row = new PooledBufferWriter();
                        SummaryFormatter.WriteError(row, record.Id, labels.Length, error);
                        summary.Write(row.WrittenSpan);
                    }
                }
                else
                {
                    output.Write(document.Output!.WrittenSpan);
                    if (document.Summary is not null)
                        summary?.Write(document.Summary.WrittenSpan);
                    documents++;
                    sentences += document.Sentences;
                    sentencesThisRun += document.Sentences;
                    charactersThisRun += record.Text!.Length;
                }
                document.Output?.Dispose();
                document.Summary?.Dispose();
                consumed = record.Ordinal + 1;
            }

            TimeSpan now = clock.Elapsed;
            if (checkpoint is not null && now - lastCheckpoint >= _options.CheckpointInterval)
            {
                SaveCheckpoint();
                lastCheckpoint = now;
            }
            if (progress is not null && now - lastProgress >= ProgressInterval)
            {
                progress.Report(new ScoringProgress(documents, sentences, failed, reader.Fraction, now, sentencesThisRun));
                lastProgress = now;
            }
        }
        readerThread.Join();
        foreach (Thread worker in workers)
            worker.Join();
        bool interrupted = cancellationToken.IsCancellationRequested;
        SaveCheckpoint();
        if (readFailure is not null)
            throw readFailure is DataFormatException ? readFailure : new IOException($"Reading the corpus failed after {consumed} records: {readFailure.Message}", readFailure);
        progress?.Report(new ScoringProgress(documents, sentences, failed, interrupted ? reader.Fraction : 1, clock.Elapsed, sentencesThisRun));
        return new ScoringReport(documents, sentences, failed, otherShards, skip, interrupted, clock.Elapsed, sentencesThisRun, charactersThisRun);
    }

    /// <summary>A worker: decodes, splits, scores and formats documents until the queue is done.</summary>
    private void Work(CorpusReader reader, BlockingCollection<DocumentBatch> work, string[] labels)
    {
        SentenceScorer scorer = _model.CreateScorer();
        ScoreFormatter formatter = ScoreFormatter.Create(_options.Format, labels, _model.Manifest.SecondaryThreshold);
        bool explain = formatter.WantsEvidence && _options.EvidenceCount > 0;
        var spans = new List<TextSpan>();
        var probabilities = new double[labels.Length];
        var counts = new int[labels.Length];
        foreach (DocumentBatch batch in work.GetConsumingEnumerable())
        {
            foreach (ScoredDocument document in batch.Documents)
            {
                try
                {
                    document.Record = reader.Decode(document.Record);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    document.Error = $"could not be read: {e.Message}";
                }
                document.InShard = _options.Shard.Contains(document.Record.Id);
                if (document.InShard)
                    document.Record = reader.WithinLimit(document.Record);
                if (document.InShard && document.Record.Error is null && document.Error is null)
                    scorer = Score(document, scorer, formatter, explain, spans, probabilities, counts);
            }
            batch.Complete();
        }
    }

    /// <summary>Scores one document into its output buffers; returns the scorer to use next.</summary>
    private SentenceScorer Score(ScoredDocument document, SentenceScorer scorer, ScoreFormatter formatter, bool explain,
        List<TextSpan> spans, double[] probabilities, int[] counts)
    {
        string id = document.Record.Id, text = document.Record.Text!;
        try
        {
            spans.Clear();
            SentenceSplitter.Default.Split(text, spans);
            scorer.StartDocument();
            Array.Clear(counts);
            document.Output = new PooledBufferWriter();
            if (spans.Count == 0)
                formatter.WriteEmptyDocument(document.Output, id);
            for (int i = 0; i < spans.Count; i++)
            {
                TextSpan span = spans[i];
                int best = scorer.Next(text, span.Start, span.Length, span.Start, probabilities, explain);
                List<Evidence>? evidence = explain ? scorer.Explain(best, _options.EvidenceCount).Evidence : null;
                formatter.WriteSentence(document.Output, id, i, span.Start, span.Length, text.AsSpan(span.Start, span.Length), best, probabilities, evidence);
                counts[best]++;
            }
            document.Sentences = spans.Count;
            if (_options.SummaryPath is not null)
            {
                document.Summary = new PooledBufferWriter();
                SummaryFormatter.WriteDocument(document.Summary, id, counts);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            document.Output?.Dispose();
            document.Summary?.Dispose();
            document.Output = document.Summary = null;
            document.Error = $"could not be scored: {e.GetType().Name}: {e.Message}";
            // A scorer that threw mid-document may hold half a context; start clean.
            scorer = _model.CreateScorer();
        }
        return scorer;
    }
}
