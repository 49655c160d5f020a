using Attribution.Learning;

namespace Attribution;

/// <summary>
/// An evaluation with the material for reading it: the metrics of <see cref="EvaluationResult"/>
/// and the most confident mistakes with their evidence. <see cref="WriteHtml(string)"/> writes it as
/// one self-contained HTML page (no scripts, fonts or images from elsewhere).
/// </summary>
public sealed class EvaluationReport
{
    private EvaluationReport(EvaluationResult result, IReadOnlyList<MisattributedSentence> worstErrors, string title)
    {
        Result = result;
        WorstErrors = worstErrors;
        Title = title;
    }

    /// <summary>The metrics.</summary>
    public EvaluationResult Result { get; }

    /// <summary>The mistakes made with the highest confidence, most confident first.</summary>
    public IReadOnlyList<MisattributedSentence> WorstErrors { get; }

    /// <summary>The report's title.</summary>
    public string Title { get; }

    /// <summary>Evaluates <paramref name="model"/> on <paramref name="data"/> and keeps its <paramref name="worstErrors"/> most confident mistakes.</summary>
    public static EvaluationReport Create(AttributionModel model, IEnumerable<LabelledSentence> data, int worstErrors = 25, string title = "Attribution evaluation")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(worstErrors);
        List<LabelledSentence[]> documents = Documents.Group(data);
        EvaluationResult result = model.Evaluate(documents.SelectMany(d => d));
        var errors = new List<MisattributedSentence>();
        var options = new PredictionOptions { EvidenceCount = 5 };
        foreach (LabelledSentence[] document in documents)
        {
            // Scored as one text of its sentences, so the evidence of a carried attribution can
            // point into the sentence before.
            IReadOnlyList<SentenceAttribution> tags = model.AttributeSentences(document.Select(s => s.Text), options);
            for (int i = 0; i < document.Length; i++)
            {
                if (tags[i].Label == document[i].Label)
                    continue;
                int origin = i > 0 ? tags[i - 1].Start : tags[i].Start;
                errors.Add(new MisattributedSentence(document[i].DocumentId, document[i].Index, document[i].Text, i > 0 ? document[i - 1].Text : null,
                    document[i].Label, tags[i].Label, tags[i].Confidence,
                    tags[i].Evidence.Where(e => e.Start >= origin).Select(e => e with { Start = e.Start - origin }).ToList(),
                    tags[i].Cue is { } cue && cue.Start >= origin ? cue with { Start = cue.Start - origin } : null));
            }
        }
        var worst = errors.OrderByDescending(e => e.Confidence).ThenBy(e => e.DocumentId, StringComparer.Ordinal).ThenBy(e => e.Index).Take(worstErrors).ToList();
        return new EvaluationReport(result, worst, title);
    }

    /// <summary>Writes the report as a self-contained HTML file.</summary>
    public void WriteHtml(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, HtmlReportWriter.Write(this));
    }

    /// <summary>Writes the report as self-contained HTML (UTF-8) to a stream.</summary>
    public void WriteHtml(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write(HtmlReportWriter.Write(this));
    }
}
