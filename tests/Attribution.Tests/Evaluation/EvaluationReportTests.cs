using System.Diagnostics;
using Attribution.Tests.Model;

namespace Attribution.Tests.Evaluation;

public sealed class EvaluationReportTests(ModelFixture fixture) : IClassFixture<ModelFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("attribution-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Held-out documents with a few labels swapped, so there are mistakes to report.
    private static List<LabelledSentence> Test() =>
        TestCorpus.Generate(12, seed: 21)
            .Select((s, i) => new LabelledSentence("t-" + s.DocumentId, s.Index, s.Text, i % 9 == 0 ? (s.Label == "None" ? "UN" : "None") : s.Label))
            .ToList();

    [Fact]
    public void The_report_holds_the_evaluation_and_the_most_confident_mistakes_with_evidence_inside_their_text()
    {
        var test = Test();
        EvaluationReport report = EvaluationReport.Create(fixture.Model, test, worstErrors: 5);
        EvaluationResult direct = fixture.Model.Evaluate(test);
        Assert.Equal(direct.Accuracy, report.Result.Accuracy);
        Assert.Equal(direct.MacroF1, report.Result.MacroF1);
        Assert.InRange(report.WorstErrors.Count, 1, 5);
        Assert.True(report.WorstErrors.Zip(report.WorstErrors.Skip(1)).All(p => p.First.Confidence >= p.Second.Confidence));
        foreach (MisattributedSentence e in report.WorstErrors)
        {
            Assert.NotEqual(e.Gold, e.Predicted);
            Assert.Equal(test.Single(s => s.DocumentId == e.DocumentId && s.Index == e.Index).Text, e.Text);
            string combined = (e.PreviousText is null ? "" : e.PreviousText + "\n") + e.Text;
            Assert.All(e.Evidence, x => Assert.InRange(x.Start + x.Length, 0, combined.Length));
        }
    }

    [Fact]
    public void The_html_is_one_self_contained_page_with_every_section()
    {
        string path = Path.Combine(_folder, "report.html");
        EvaluationReport.Create(fixture.Model, Test()).WriteHtml(path);
        string html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html);
        foreach (string section in new[] { "Per label", "Confusion matrix", "Reliability", "Most confident mistakes", "<svg", "<mark" })
            Assert.Contains(section, html);
        // Nothing fetched from elsewhere: no scripts, stylesheets, images, fonts or imports.
        foreach (string external in new[] { "<script", "<link", "src=", "url(", "@import", "@font-face" })
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
    }

    [ChromiumFact]
    public void Headless_chromium_renders_the_report_to_a_screenshot_that_is_not_blank()
    {
        string html = Path.Combine(_folder, "report.html"), png = Path.Combine(_folder, "report.png");
        EvaluationReport.Create(fixture.Model, Test()).WriteHtml(html);
        var start = new ProcessStartInfo(ChromiumFactAttribute.Browser!) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1100,1400", $"--screenshot={png}", new Uri(html).AbsoluteUri })
            start.ArgumentList.Add(arg);
        using (Process chromium = Process.Start(start)!)
        {
            chromium.StandardOutput.ReadToEndAsync();
            chromium.StandardError.ReadToEndAsync();
            Assert.True(chromium.WaitForExit(TimeSpan.FromMinutes(1)), "chromium did not finish");
        }
        byte[] image = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, image[..4]);
        // A blank page of this size compresses to a few kilobytes; tables, bars and the diagram do not.
        Assert.True(image.Length > 30_000, $"screenshot of {image.Length} bytes looks blank");
    }
}
