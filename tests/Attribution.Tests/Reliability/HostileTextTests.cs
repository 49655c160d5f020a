using System.Text;
using System.Text.Json;
using Attribution.Tests.Scoring;

namespace Attribution.Tests.Reliability;

/// <summary>Scraped text at its worst: huge lines, huge documents, nested quotes, mixed scripts; and the per-document limit.</summary>
public sealed class HostileTextTests : IDisposable
{
    private static readonly AttributionModel Model = AttributionModel.LoadDefault();
    private readonly string _folder = Directory.CreateTempSubdirectory("attribution-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static string Words(int characters, int seed)
    {
        string[] words = ["les", "forces", "du", "régime", "ont", "bombardé", "la", "ville", "selon", "des", "sources", "locales", "et", "habitants", "fui"];
        var random = new Random(seed);
        var text = new StringBuilder(characters + 16);
        while (text.Length < characters)
            text.Append(words[random.Next(words.Length)]).Append(' ');
        return text.ToString();
    }

    private ScoringReport Score(string input, ScoringOptions options, List<DocumentError> errors) =>
        new CorpusScorer(Model, options).Score(input, PathOf("out.csv"), null, errors.Add);

    [Fact]
    [Trait("Category", "Long")]
    public void A_50_MB_line_without_a_full_stop_is_scored_whole_between_its_neighbours()
    {
        string huge = Words(50_000_000, 1);
        ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), [("before", "Selon l'OSDH, 5 morts."), ("huge", huge), ("after", "L'armée a repris la ville.")]);
        var errors = new List<DocumentError>();
        ScoringReport report = Score(PathOf("in.jsonl"), new ScoringOptions { SummaryPath = PathOf("summary.csv") }, errors);

        Assert.Empty(errors);
        Assert.Equal(3, report.Documents);
        Assert.Equal(3, report.Sentences);
        string[] summary = File.ReadAllLines(PathOf("summary.csv"));
        Assert.Equal(["before", "huge", "after"], summary[1..].Select(l => l.Split(',')[0]));
        Assert.All(summary[1..], l => Assert.Equal("ok", l.Split(',')[1]));
        Assert.True(new FileInfo(PathOf("out.csv")).Length > 50_000_000);
    }

    [Fact]
    [Trait("Category", "Long")]
    public void A_document_of_a_million_sentences_is_scored_sentence_by_sentence()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++)
            text.Append(i % 3 == 0 ? $"Selon l'OSDH, {i} civils ont été tués. " : $"Les combats durent depuis {i} jours. ");
        ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), [("million", text.ToString())]);
        var errors = new List<DocumentError>();
        ScoringReport report = Score(PathOf("in.jsonl"), new ScoringOptions { SummaryPath = PathOf("summary.csv") }, errors);

        Assert.Empty(errors);
        Assert.Equal(1_000_000, report.Sentences);
        string[] row = File.ReadAllLines(PathOf("summary.csv"))[1].Split(',');
        Assert.Equal(["million", "ok", "1000000"], row[..3]);
    }

    [Fact]
    public void Documents_over_the_limit_are_reported_counted_and_the_rest_scored_in_every_format()
    {
        var documents = new List<(string Id, string Text)>
        {
            ("a.txt", "Selon l'OSDH, 5 morts à Alep."),
            ("b.txt", Words(5_000, 2)),                 // over the limit once decoded
            ("c.txt", "L'agence Sana a fait état de tirs."),
            ("d.txt", Words(200_000, 3)),               // over even the bytes the reader holds
        };
        var options = new ScoringOptions { MaxDocumentCharacters = 1_000, SummaryPath = PathOf("summary.csv") };
        string[] inputs =
        [
            ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), documents),
            ScoringCorpus.WriteCsv(PathOf("in.csv"), documents),
            ScoringCorpus.WriteFolder(Directory.CreateDirectory(PathOf("folder")).FullName, documents),
        ];
        foreach (string input in inputs)
        {
            var errors = new List<DocumentError>();
            ScoringReport report = Score(input, options, errors);

            Assert.Equal(2, report.Documents);  // scored; the other two are errors
            Assert.Equal(2, report.Errors);
            Assert.Equal(2, errors.Count);
            Assert.Contains("5,0", errors[0].Message);
            Assert.Contains("more than the limit of 1,000 (MaxDocumentCharacters, --max-document-chars); not scored.", errors[0].Message);
            Assert.Contains("more than a document of at most 1,000 characters can take (MaxDocumentCharacters, --max-document-chars); not scored.", errors[1].Message);
            string[] summary = File.ReadAllLines(PathOf("summary.csv"));
            Assert.Equal(5, summary.Length);
            Assert.Equal(["ok", "error", "ok", "error"], summary[1..].Select(l => l.Split(',')[1]));
        }
    }

    [Theory]
    [InlineData(100_000)]  // found whole in the reader's buffer, then refused
    [InlineData(200_000)]  // skipped a buffer at a time
    public void An_over_long_csv_line_inside_a_quoted_field_is_skipped_with_its_record_and_the_next_records_are_read_whole(int characters)
    {
        // Over-long lines are skipped unparsed; the records after them must still start where they do.
        string huge = Words(characters, 4).Replace("forces", "\"\"forces\"\"").Replace("ville", "ville,");
        string csv = string.Join('\n',
            "id,text",
            "a,\"Selon l'OSDH, 5 morts à Alep.\"",
            "b,\"" + huge,                                  // opens a quote that runs on
            "encore b, avec une virgule",
            "fin de b\"",
            "c,\"L'agence Sana, dit-on, a fait état de tirs.\"",
            "d,\"début de d",
            huge + "\"",                                     // closes the quote
            "e,\"L'armée a repris la ville.\"",
            "f,\"début de f",
            huge,                                            // inside the quote, doubled quotes only
            "x,\"\"y\"\", fin de f\"",
            "g,Les combats se poursuivent.",
            "");
        File.WriteAllText(PathOf("in.csv"), csv);
        var errors = new List<DocumentError>();
        ScoringReport report = Score(PathOf("in.csv"), new ScoringOptions { MaxDocumentCharacters = 1_000, SummaryPath = PathOf("summary.csv") }, errors);

        Assert.Equal(4, report.Documents);
        Assert.Equal(3, report.Errors);
        Assert.Equal(["in.csv:3", "in.csv:7", "in.csv:10"], errors.Select(e => Path.GetFileName(e.Location)));
        Assert.All(errors, e => Assert.Contains("MaxDocumentCharacters", e.Message));
        string[] summary = File.ReadAllLines(PathOf("summary.csv"))[1..];
        Assert.Equal(["ok", "error", "ok", "error", "ok", "error", "ok"], summary.Select(l => l.Split(',')[1]));
        Assert.Equal(["a", "c", "e", "g"], summary.Where(l => l.Split(',')[1] == "ok").Select(l => l.Split(',')[0]));
    }

    [Fact]
    public void Nested_quotes_mixed_scripts_and_control_characters_are_tagged_with_nothing_lost()
    {
        string nested = string.Concat(Enumerable.Repeat("« “ ‹ \"", 5_000)) + "Il a parlé." + string.Concat(Enumerable.Repeat("\" › ” »", 5_000));
        string[] texts =
        [
            nested,
            "Selon Rami Abdel Rahmane (رامي عبد الرحمن), directeur de l'OSDH, 12 civils ont été tués à Alep (حلب). L'agence SANA (سانا) dément.",
            "Le chef du Hezbollah, Hassan Nasrallah (حسن نصر الله), a parlé.\u200F Puis\u202E l'armée\u202C a avancé vers דמשק.\0\u0007 Fin.",
            string.Concat(Enumerable.Repeat("a\u0301", 100_000)) + ". Selon l'ONU, 300 familles ont fui.",
        ];
        foreach (string text in texts)
        {
            IReadOnlyList<SentenceAttribution> sentences = Model.Attribute(text);
            Assert.NotEmpty(sentences);
            // Every non-blank character belongs to a sentence, in order.
            var covered = new bool[text.Length];
            int end = 0;
            foreach (SentenceAttribution s in sentences)
            {
                Assert.True(s.Start >= end);
                Assert.Equal(text.Substring(s.Start, s.Length), s.Text);
                for (int i = s.Start; i < s.Start + s.Length; i++)
                    covered[i] = true;
                end = s.Start + s.Length;
            }
            for (int i = 0; i < text.Length; i++)
                Assert.True(covered[i] || char.IsWhiteSpace(text[i]) || char.IsControl(text[i]) || text[i] is '\u200F' or '\u202E' or '\u202C',
                    $"character {i} ({(int)text[i]:X4}) is in no sentence");
        }
        Assert.Equal("OSDH", Model.Attribute(texts[1])[0].Label);
    }

    [Fact]
    public void Invalid_utf8_is_reported_by_byte_and_never_decoded_into_replacement_characters()
    {
        string input = PathOf("in.jsonl");
        // An encoded lone surrogate (ED A0 80) and a byte that is never UTF-8 (FF).
        File.WriteAllBytes(input, [.. "{\"id\":\"good\",\"text\":\"Selon l'OSDH, 3 morts.\"}\n"u8, .. "{\"id\":\"bad\",\"text\":\"Alep "u8, 0xED, 0xA0, 0x80,
            .. " et "u8, 0xFF, .. "\"}\n"u8]);
        var errors = new List<DocumentError>();
        ScoringReport report = Score(input, new ScoringOptions(), errors);

        Assert.Equal(1, report.Errors);
        Assert.StartsWith("invalid UTF-8 at byte ", Assert.Single(errors).Message);
        Assert.DoesNotContain('\uFFFD', File.ReadAllText(PathOf("out.csv")));
    }
}
