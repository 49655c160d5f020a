using System.Globalization;
using System.Net;
using System.Text;

namespace Attribution;

/// <summary>
/// Renders an <see cref="EvaluationReport"/> as one HTML page: inline CSS and SVG only, so it opens
/// anywhere, offline, and can be mailed as one file.
/// </summary>
internal static class HtmlReportWriter
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .3rem; }
        table { border-collapse: collapse; } td, th { padding: .25rem .6rem; text-align: right; } th { font-weight: 600; }
        td.name, th.name { text-align: left; }
        .metrics td { font-size: 1.3rem; padding-right: 2rem; } .metrics th { text-align: left; color: #666; font-weight: 400; }
        .bar { display: inline-block; height: .8rem; background: #4a7fb5; vertical-align: middle; }
        .bar.recall { background: #e08a3c; } .bar.f1 { background: #5a9e5a; }
        .heat td { width: 4.2rem; text-align: center; border: 1px solid #fff; }
        .error { border-left: 4px solid #c44; padding: .4rem .8rem; margin: .9rem 0; background: #fafafa; }
        .error .meta { color: #555; font-size: .9rem; } .previous { color: #888; }
        mark { background: #ffe08a; } mark.cue { background: #ffb3b3; text-decoration: underline; }
        .features { font-family: ui-monospace, monospace; font-size: .85rem; color: #444; }
        """;

    public static string Write(EvaluationReport report)
    {
        EvaluationResult r = report.Result;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(report.Title)).Append("</title><style>")
            .Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>").Append(Encode(report.Title)).Append("</h1>\n");
        html.Append("<table class=\"metrics\"><tr><th>sentences</th><th>accuracy</th><th>macro-F1</th><th>log-loss</th><th>calibration error</th></tr><tr>")
            .Append(Cell(r.Sentences.ToString(CultureInfo.InvariantCulture))).Append(Cell(F(r.Accuracy))).Append(Cell(F(r.MacroF1)))
            .Append(Cell(F(r.LogLoss))).Append(Cell(F(r.ExpectedCalibrationError))).Append("</tr></table>\n");

        WriteLabels(html, r);
        WriteConfusion(html, r.Confusion);
        WriteReliability(html, r);
        WriteErrors(html, report.WorstErrors);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void WriteLabels(StringBuilder html, EvaluationResult r)
    {
        html.Append("<h2>Per label</h2>\n<table><tr><th class=\"name\">label</th><th>precision</th><th></th><th>recall</th><th></th><th>F1</th><th></th><th>support</th></tr>\n");
        foreach (string label in r.Confusion.Labels)
        {
            if (!r.PerLabel.TryGetValue(label, out LabelMetrics? m))
                continue;
            html.Append("<tr><td class=\"name\">").Append(Encode(label)).Append("</td>")
                .Append(Cell(F(m.Precision))).Append(BarCell(m.Precision, ""))
                .Append(Cell(F(m.Recall))).Append(BarCell(m.Recall, " recall"))
                .Append(Cell(F(m.F1))).Append(BarCell(m.F1, " f1"))
                .Append(Cell(m.Support.ToString(CultureInfo.InvariantCulture))).Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    // Rows are gold labels, columns predictions; a cell's colour is its share of the row.
    private static void WriteConfusion(StringBuilder html, ConfusionMatrix confusion)
    {
        html.Append("<h2>Confusion matrix</h2>\n<p>Rows: gold label. Columns: predicted label. Colour: share of the row.</p>\n<table class=\"heat\"><tr><th class=\"name\">gold \\ predicted</th>");
        foreach (string label in confusion.Labels)
            html.Append("<th>").Append(Encode(label)).Append("</th>");
        html.Append("</tr>\n");
        int[][] rows = confusion.ToRows();
        for (int g = 0; g < rows.Length; g++)
        {
            int total = rows[g].Sum();
            html.Append("<tr><th class=\"name\">").Append(Encode(confusion.Labels[g])).Append("</th>");
            for (int p = 0; p < rows[g].Length; p++)
            {
                double share = total == 0 ? 0 : (double)rows[g][p] / total;
                string colour = g == p ? "74,158,90" : "204,68,68";
                html.Append(string.Create(CultureInfo.InvariantCulture, $"<td style=\"background: rgba({colour},{share:0.###}); color: {(share > 0.6 ? "#fff" : "#222")}\">{rows[g][p]}</td>"));
            }
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    // Accuracy against confidence per bin; a calibrated model's bars reach the diagonal.
    private static void WriteReliability(StringBuilder html, EvaluationResult r)
    {
        const int Size = 300, Margin = 40;
        html.Append("<h2>Reliability</h2>\n<p>Bars: accuracy of the sentences in each confidence bin (number above). Dots: their mean confidence. Line: perfect calibration. ")
            .Append("Expected calibration error ").Append(F(r.ExpectedCalibrationError)).Append(".</p>\n");
        html.Append(string.Create(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Size + 2 * Margin}\" height=\"{Size + 2 * Margin}\" role=\"img\" aria-label=\"reliability diagram\">\n"));
        html.Append(string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{Margin}\" y=\"{Margin}\" width=\"{Size}\" height=\"{Size}\" fill=\"none\" stroke=\"#999\"/>\n"));
        html.Append(string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" y1=\"{Margin + Size}\" x2=\"{Margin + Size}\" y2=\"{Margin}\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n"));
        double width = (double)Size / r.Calibration.Count;
        for (int b = 0; b < r.Calibration.Count; b++)
        {
            CalibrationBin bin = r.Calibration[b];
            if (bin.Count == 0)
                continue;
            double x = Margin + b * width, height = bin.Accuracy * Size;
            html.Append(string.Create(CultureInfo.InvariantCulture,
                $"<rect x=\"{x + 2:0.#}\" y=\"{Margin + Size - height:0.#}\" width=\"{width - 4:0.#}\" height=\"{height:0.#}\" fill=\"#4a7fb5\"><title>{bin.Lower:0.0}-{bin.Upper:0.0}: {bin.Count} sentences, accuracy {bin.Accuracy:0.000}, confidence {bin.MeanConfidence:0.000}</title></rect>\n"));
            html.Append(string.Create(CultureInfo.InvariantCulture,
                $"<circle cx=\"{x + width / 2:0.#}\" cy=\"{Margin + Size - bin.MeanConfidence * Size:0.#}\" r=\"3.5\" fill=\"#e08a3c\"/>\n"));
            html.Append(string.Create(CultureInfo.InvariantCulture,
                $"<text x=\"{x + width / 2:0.#}\" y=\"{Margin + Size - height - 4:0.#}\" font-size=\"10\" text-anchor=\"middle\">{bin.Count}</text>\n"));
        }
        for (int t = 0; t <= 10; t += 2)
        {
            double at = t / 10.0 * Size;
            html.Append(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{Margin + at:0.#}\" y=\"{Margin + Size + 16}\" font-size=\"11\" text-anchor=\"middle\">{t / 10.0:0.0}</text>\n"));
            html.Append(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{Margin - 6}\" y=\"{Margin + Size - at + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{t / 10.0:0.0}</text>\n"));
        }
        html.Append(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{Margin + Size / 2}\" y=\"{Margin + Size + 34}\" font-size=\"12\" text-anchor=\"middle\">confidence</text>\n"));
        html.Append(string.Create(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{Margin + Size / 2}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 12 {Margin + Size / 2})\">accuracy</text>\n"));
        html.Append("</svg>\n");
    }

    private static void WriteErrors(StringBuilder html, IReadOnlyList<MisattributedSentence> errors)
    {
        html.Append("<h2>Most confident mistakes</h2>\n");
        if (errors.Count == 0)
        {
            html.Append("<p>None.</p>\n");
            return;
        }
        html.Append("<p>Highlighted: the text behind the features that favoured the wrong label; in red, the reporting cue. Grey: the sentence before.</p>\n");
        foreach (MisattributedSentence e in errors)
        {
            html.Append("<div class=\"error\"><div class=\"meta\">").Append(Encode(e.DocumentId)).Append(" #").Append(e.Index)
                .Append(": gold <b>").Append(Encode(e.Gold)).Append("</b>, predicted <b>").Append(Encode(e.Predicted)).Append("</b> (")
                .Append(F(e.Confidence)).Append(")</div>\n");
            string combined = (e.PreviousText is null ? "" : e.PreviousText + "\n") + e.Text;
            int split = e.PreviousText is null ? 0 : e.PreviousText.Length + 1;
            var marks = new int[combined.Length]; // 0 plain, 1 evidence, 2 cue
            foreach (Evidence evidence in e.Evidence)
                for (int i = evidence.Start; i < evidence.Start + evidence.Length && i < marks.Length; i++)
                    marks[i] = Math.Max(marks[i], 1);
            if (e.Cue is { } cue)
                for (int i = cue.Start; i < cue.Start + cue.Length && i < marks.Length; i++)
                    marks[i] = 2;
            if (split > 0 && marks.AsSpan(0, split).ContainsAnyExcept(0))
                html.Append("<div class=\"previous\">").Append(Marked(combined, marks, 0, split - 1)).Append("</div>");
            html.Append("<div>").Append(Marked(combined, marks, split, combined.Length)).Append("</div>\n<div class=\"features\">");
            foreach (Evidence evidence in e.Evidence)
                html.Append(Encode(evidence.Feature)).Append(' ').Append(evidence.Contribution.ToString("+0.000", CultureInfo.InvariantCulture)).Append(" &nbsp; ");
            html.Append("</div></div>\n");
        }
    }

    private static string Marked(string text, int[] marks, int from, int to)
    {
        var html = new StringBuilder();
        int i = from;
        while (i < to)
        {
            int kind = marks[i], end = i;
            while (end < to && marks[end] == kind)
                end++;
            string piece = Encode(text[i..end]);
            html.Append(kind switch { 1 => $"<mark>{piece}</mark>", 2 => $"<mark class=\"cue\">{piece}</mark>", _ => piece });
            i = end;
        }
        return html.ToString();
    }

    private static string Cell(string value) => $"<td>{value}</td>";

    private static string BarCell(double value, string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"<td class=\"name\"><span class=\"bar{kind}\" style=\"width: {value * 120:0}px\"></span></td>");

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
