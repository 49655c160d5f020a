using System.Text;
using System.Text.Json;

namespace Attribution.Tests.Scoring;

public sealed class CorpusScorerTests : IDisposable
{
    private static readonly AttributionModel Model = AttributionModel.LoadDefault();
    private readonly string _folder = Directory.CreateTempSubdirectory("attribution-score-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static ScoringReport Score(string input, string output, ScoringOptions? options = null, List<DocumentError>? errors = null, CancellationToken token = default) =>
        new CorpusScorer(Model, options ?? new ScoringOptions { Threads = 2 }).Score(input, output, null, errors is null ? null : errors.Add, token);

    [Fact]
    public void Every_sentence_of_every_document_is_written_in_input_order_with_the_libraries_predictions()
    {
        var documents = ScoringCorpus.Documents(30);
        string input = ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), documents);
        ScoringReport report = Score(input, PathOf("out.csv"));

        List<string[]> rows = ScoringCorpus.ReadRows(File.ReadAllText(PathOf("out.csv")));
        var expected = documents.SelectMany(d => Model.Attribute(d.Text, new PredictionOptions { EvidenceCount = 0 })
            .Select(s => new[] { d.Id, s.Index.ToString(), s.Start.ToString(), s.Length.ToString(), s.Text, s.Label, s.Confidence.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) })).ToList();
        Assert.Equal(expected.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
            Assert.Equal(expected[i], rows[i]);
        Assert.Equal(documents.Count, report.Documents);
        Assert.Equal(rows.Count, report.Sentences);
        Assert.Equal(0, report.Errors);
        Assert.False(File.Exists(PathOf("out.csv.partial")));
        Assert.False(File.Exists(PathOf("out.csv.checkpoint")));
    }

    [Fact]
    public void Jsonl_csv_text_folder_standard_input_and_gzip_inputs_give_the_same_rows()
    {
        var documents = ScoringCorpus.Documents(12).Select((d, i) => (Id: $"a/{i:00}.txt", d.Text)).ToList();
        string jsonl = ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), documents);
        Score(jsonl, PathOf("jsonl.csv"));
        string expected = File.ReadAllText(PathOf("jsonl.csv"));
        Assert.Equal(documents.Select(d => d.Id), ScoringCorpus.ReadRows(expected).Select(r => r[0]).Distinct());

        Score(ScoringCorpus.WriteCsv(PathOf("in.csv"), documents), PathOf("csv.csv"));
        Score(ScoringCorpus.WriteFolder(PathOf("folder"), documents), PathOf("folder.csv"));
        Score(ScoringCorpus.Gzip(jsonl), PathOf("gz.csv"));
        string gzFolder = ScoringCorpus.WriteFolder(PathOf("gzfolder"), documents);
        foreach (string file in Directory.GetFiles(gzFolder, "*.txt", SearchOption.AllDirectories))
        {
            ScoringCorpus.Gzip(file);
            File.Delete(file);
        }
        Score(gzFolder, PathOf("gzfolder.csv"));
        var stdout = new MemoryStream();
        new CorpusScorer(Model).Score(new MemoryStream(File.ReadAllBytes(jsonl)), stdout);

        Assert.Equal(expected, File.ReadAllText(PathOf("csv.csv")));
        Assert.Equal(expected, File.ReadAllText(PathOf("gz.csv")));
        Assert.Equal(expected, File.ReadAllText(PathOf("folder.csv")));
        Assert.Equal(expected.Replace(".txt,", ".txt.gz,"), File.ReadAllText(PathOf("gzfolder.csv")));
        Assert.Equal(expected, Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Fact]
    public void Output_bytes_are_identical_for_one_two_and_four_threads()
    {
        string input = ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), ScoringCorpus.Documents(80));
        foreach (ScoreFormat format in new[] { ScoreFormat.Csv, ScoreFormat.JsonLines })
        {
            byte[]? first = null;
            foreach (int threads in new[] { 1, 2, 4 })
            {
                string output = PathOf($"out-{format}-{threads}");
                Score(input, output, new ScoringOptions { Threads = threads, Format = format, MaxDocumentsInFlight = 8, SummaryPath = output + ".summary" });
                byte[] bytes = File.ReadAllBytes(output);
                first ??= bytes;
                Assert.Equal(first, bytes);
            }
        }
    }

    [Fact]
    public void Unreadable_documents_are_reported_with_their_position_and_counted_and_the_rest_are_scored()
    {
        string input = PathOf("in.jsonl");
        using (var file = File.Create(input))
        {
            file.Write("{\"id\":\"ok-1\",\"text\":\"Selon l'OSDH, 12 morts.\"}\n"u8);
            file.Write("{\"id\":\"bad-utf8\",\"text\":\"caf"u8);
            file.Write([0xC3, 0x28]);
            file.Write("\"}\n"u8);
            file.Write("not json\n"u8);
            file.Write("\n"u8);
            file.Write("{\"id\":\"no-text\"}\n"u8);
            file.Write("{\"id\":7,\"text\":\"L'armée a annoncé la reprise de la ville.\"}\n"u8);
            file.Write("{\"id\":\"empty\",\"text\":\"  \"}\n"u8);
        }
        var errors = new List<DocumentError>();
        ScoringReport report = Score(input, PathOf("out.csv"), new ScoringOptions { SummaryPath = PathOf("summary.csv") }, errors);

        Assert.Equal(3, report.Errors);
        Assert.Equal(["in.jsonl:2", "in.jsonl:3", "in.jsonl:5"], errors.Select(e => e.Location));
        Assert.Contains("invalid UTF-8 at byte 28 of the line", errors[0].Message);
        Assert.Contains("byte ", errors[0].Message);
        Assert.Contains("not valid JSON", errors[1].Message);
        Assert.Contains("no \"text\" field", errors[2].Message);
        Assert.Equal("no-text", errors[2].DocumentId);

        List<string[]> rows = ScoringCorpus.ReadRows(File.ReadAllText(PathOf("out.csv")));
        Assert.Equal(["ok-1", "7", "empty"], rows.Select(r => r[0]));
        Assert.Equal(["", "", "", "", "", ""], rows[2][1..]);
        Assert.Equal(3, report.Documents);

        string[] summary = File.ReadAllLines(PathOf("summary.csv"));
        Assert.Equal(1 + 6, summary.Length);
        Assert.StartsWith("doc_id,status,sentences," + string.Join(',', Model.Labels) + ",message", summary[0]);
        Assert.StartsWith("ok-1,ok,1,", summary[1]);
        Assert.StartsWith("in.jsonl:2,error,", summary[2]);
        Assert.StartsWith("no-text,error,", summary[4]);
        Assert.StartsWith("empty,empty,0,", summary[6]);
    }

    [Fact]
    public void Csv_and_text_inputs_report_bad_records_by_line_and_file()
    {
        string csv = PathOf("in.csv");
        File.WriteAllBytes(csv, [.. "id,text\na,\"Selon l'OSDH, 3 morts.\"\nb,\"ouvert \"mal\" fermé\"\nc,\"Sur\ndeux lignes.\"\nd,trop,de,champs\n"u8]);
        var errors = new List<DocumentError>();
        ScoringReport report = Score(csv, PathOf("csv.csv"), null, errors);
        Assert.Equal(["in.csv:3", "in.csv:6"], errors.Select(e => e.Location));
        Assert.Equal(["a", "c", "c"], ScoringCorpus.ReadRows(File.ReadAllText(PathOf("csv.csv"))).Select(r => r[0]));
        Assert.Equal(2, report.Errors);

        string folder = Directory.CreateDirectory(PathOf("texts")).FullName;
        File.WriteAllText(Path.Combine(folder, "good.txt"), "Selon Sana, l'armée avance.");
        File.WriteAllBytes(Path.Combine(folder, "bad.txt"), [0xEF, 0xBB, 0xBF, (byte)'a', (byte)'b', 0xFF, (byte)'c']);
        errors.Clear();
        report = Score(folder, PathOf("txt.csv"), null, errors);
        DocumentError error = Assert.Single(errors);
        Assert.Equal("bad.txt", error.DocumentId);
        Assert.Contains("invalid UTF-8 at byte 5", error.Message);
        Assert.Equal(1, report.Documents);
    }

    [Fact]
    public void A_missing_id_field_on_the_first_record_is_a_usage_error_naming_the_fields()
    {
        string input = ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), ScoringCorpus.Documents(3), idField: "doc_id");
        var e = Assert.Throws<DataFormatException>(() => Score(input, PathOf("out.csv")));
        Assert.Contains("doc_id, lang, text", e.Message);
        Assert.Empty(Directory.GetFiles(_folder, "out.csv*"));
        ScoringReport report = Score(input, PathOf("out.csv"), new ScoringOptions { IdField = "doc_id" });
        Assert.Equal(3, report.Documents);
    }

    [Fact]
    public void The_union_of_the_shards_is_the_whole_output_and_each_document_is_in_one_shard()
    {
        string input = ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), ScoringCorpus.Documents(60));
        Score(input, PathOf("all.csv"));
        List<string[]> all = ScoringCorpus.ReadRows(File.ReadAllText(PathOf("all.csv")));
        var union = new List<string[]>();
        long otherShards = 0;
        for (int k = 1; k <= 3; k++)
        {
            ScoringReport report = Score(input, PathOf($"shard{k}.csv"), new ScoringOptions { Shard = new Shard(k, 3) });
            List<string[]> rows = ScoringCorpus.ReadRows(File.ReadAllText(PathOf($"shard{k}.csv")));
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.True(new Shard(k, 3).Contains(r[0])));
            // Within a shard, rows keep the input order.
            Assert.Equal(all.Where(r => new Shard(k, 3).Contains(r[0])).Select(r => string.Join('\u0001', r)), rows.Select(r => string.Join('\u0001', r)));
            union.AddRange(rows);
            otherShards += report.OtherShards;
        }
        Assert.Equal(all.Select(r => string.Join('\u0001', r)).Order(), union.Select(r => string.Join('\u0001', r)).Order());
        Assert.Equal(2 * 60, otherShards);
    }

    [Fact]
    public void Shards_follow_the_documented_hash_and_parse_k_of_n()
    {
        // FNV-1a 64 of "a", the reference value of the algorithm.
        Assert.Equal(0xaf63dc4c8601ec8cUL, Shard.Hash("a"));
        Assert.True(new Shard((int)(0xaf63dc4c8601ec8cUL % 5) + 1, 5).Contains("a"));
        Assert.Equal(new Shard(2, 8), Shard.Parse("2/8"));
        Assert.Throws<FormatException>(() => Shard.Parse("0/4"));
        Assert.Throws<FormatException>(() => Shard.Parse("5/4"));
        Assert.Throws<FormatException>(() => Shard.Parse("1-4"));
        Assert.True(Shard.All.Contains("anything"));
    }

    [Fact]
    public void An_interrupted_run_resumed_ends_with_the_same_bytes_as_an_uninterrupted_one()
    {
        var documents = ScoringCorpus.Documents(400);
        // A bad record halfway lets the test interrupt at a known point: its error report cancels.
        documents.Insert(200, ("bad", "\u0000"));
        string input = PathOf("in.jsonl");
        File.WriteAllText(input, string.Join("", documents.Select((d, i) => i == 200
            ? "{broken\n"
            : JsonSerializer.Serialize(new { id = d.Id, text = d.Text }) + "\n")));
        var options = new ScoringOptions { Threads = 2, MaxDocumentsInFlight = 16, SummaryPath = PathOf("whole.summary"), Format = ScoreFormat.JsonLines };
        ScoringReport whole = Score(input, PathOf("whole.jsonl"), options);

        using var stop = new CancellationTokenSource();
        var resumedOptions = options with { SummaryPath = PathOf("resumed.summary"), CheckpointInterval = TimeSpan.FromMilliseconds(1) };
        ScoringReport first = new CorpusScorer(Model, resumedOptions).Score(input, PathOf("resumed.jsonl"), null, _ => stop.Cancel(), stop.Token);
        Assert.True(first.Interrupted);
        Assert.InRange(first.Documents, 200, 399);
        Assert.False(File.Exists(PathOf("resumed.jsonl")));
        Assert.True(File.Exists(PathOf("resumed.jsonl.partial")));

        var errors = new List<DocumentError>();
        ScoringReport second = Score(input, PathOf("resumed.jsonl"), resumedOptions with { Resume = true }, errors);
        Assert.False(second.Interrupted);
        Assert.Equal(first.Documents + 1, second.ResumedDocuments);
        Assert.Empty(errors);
        Assert.Equal(whole.Documents, second.Documents);
        Assert.Equal(whole.Sentences, second.Sentences);
        Assert.Equal(1, second.Errors);
        Assert.Equal(File.ReadAllBytes(PathOf("whole.jsonl")), File.ReadAllBytes(PathOf("resumed.jsonl")));
        Assert.Equal(File.ReadAllBytes(PathOf("whole.summary")), File.ReadAllBytes(PathOf("resumed.summary")));
        Assert.False(File.Exists(PathOf("resumed.jsonl.checkpoint")));
    }

    [Fact]
    public void A_resume_with_other_settings_is_refused()
    {
        string input = ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), ScoringCorpus.Documents(5));
        File.WriteAllText(PathOf("out.csv.partial"), "x");
        File.WriteAllText(PathOf("out.csv.checkpoint"), JsonSerializer.Serialize(new { Version = 1, Settings = "model=other", Consumed = 1, OutputBytes = 1 }));
        var e = Assert.Throws<InvalidOperationException>(() => Score(input, PathOf("out.csv"), new ScoringOptions { Resume = true }));
        Assert.Contains("other settings", e.Message);
        // Without --resume the run starts again and completes.
        Assert.Equal(5, Score(input, PathOf("out.csv")).Documents);
    }

    [Fact]
    public void Jsonl_output_carries_scores_for_every_label_and_evidence_in_document_coordinates()
    {
        string text = "Les combats continuent. Huit civils ont été tués à Alep, selon l'OSDH.";
        string input = ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), [("d", text)]);
        Score(input, PathOf("out.jsonl"), new ScoringOptions { Format = ScoreFormat.JsonLines });
        string[] lines = File.ReadAllLines(PathOf("out.jsonl"));
        Assert.Equal(2, lines.Length);
        using JsonDocument second = JsonDocument.Parse(lines[1]);
        JsonElement row = second.RootElement;
        Assert.Equal(["doc_id", "sentence_index", "start", "length", "text", "label", "confidence", "labels", "scores", "evidence"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal("OSDH", row.GetProperty("label").GetString());
        Assert.Equal("OSDH", row.GetProperty("labels")[0].GetString());
        Assert.Equal(Model.Labels, row.GetProperty("scores").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0, row.GetProperty("scores").EnumerateObject().Sum(p => p.Value.GetDouble()), 2);
        int start = row.GetProperty("start").GetInt32();
        Assert.Equal(text[start..], row.GetProperty("text").GetString());
        JsonElement evidence = row.GetProperty("evidence");
        Assert.InRange(evidence.GetArrayLength(), 1, 3);
        Assert.Contains(evidence.EnumerateArray(), e => text.Substring(e.GetProperty("start").GetInt32(), e.GetProperty("length").GetInt32()).Contains("OSDH"));
    }
}
