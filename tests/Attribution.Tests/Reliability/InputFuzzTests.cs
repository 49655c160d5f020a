using System.Text;
using System.Text.Json;
using Attribution.Features;
using Attribution.IO;

namespace Attribution.Tests.Reliability;

/// <summary>Seeded random inputs against the tokenizer, featurizer, predictor and the corpus readers.</summary>
public sealed class InputFuzzTests
{
    private static readonly AttributionModel Shipped = AttributionModel.LoadDefault();

    [Fact]
    public void Featurizing_any_text_never_throws_and_the_features_stay_bounded_by_its_length()
    {
        // Words, bigrams, character n-grams, cue windows and context: each character opens a bounded
        // number of them, so a sentence never has more distinct features than a fixed multiple of its length.
        var options = new FeaturizerOptions();
        var featurizer = new Featurizer(options);
        var builder = new FeatureBuilder(options.HashBits);
        var walker = new DocumentWalker();
        var random = new Random(20261121);
        int previous1 = 0, previous2 = 0, features = 0;
        for (int round = 0; round < 3000; round++)
        {
            if (round % 10 == 0)
            {
                walker.Reset();
                previous1 = previous2 = 0;
            }
            string text = HostileStrings.Next(random, 60);
            builder.Clear(explain: round % 2 == 0);
            featurizer.Featurize(walker.Next(text, 0, text.Length, 0), builder);
            // The two sentences before are context, so their characters count too.
            int characters = text.Length + previous1 + previous2;
            Assert.True(builder.Slots.Length <= 8 * characters + 16, $"{builder.Slots.Length} features for {characters} characters");
            (previous2, previous1) = (previous1, text.Length);
            features += builder.Slots.Length;
            foreach (float value in builder.Values)
                Assert.True(float.IsFinite(value));
        }
        Assert.True(features > 0);
    }

    [Fact]
    public void Tagging_any_text_never_throws_and_every_sentence_lies_inside_it()
    {
        var random = new Random(7);
        for (int round = 0; round < 1500; round++)
        {
            string text = HostileStrings.Next(random, 80);
            IReadOnlyList<SentenceAttribution> sentences = Shipped.Attribute(text, new PredictionOptions { EvidenceCount = round % 3 });
            int end = 0;
            foreach (SentenceAttribution s in sentences)
            {
                Assert.InRange(s.Start, end, text.Length - 1);
                Assert.InRange(s.Length, 1, text.Length - s.Start);
                Assert.Equal(text.Substring(s.Start, s.Length), s.Text);
                Assert.Contains(s.Label, Shipped.Labels);
                Assert.InRange(s.Scores.Values.Sum(), 0.999, 1.001);
                foreach (Evidence e in s.Evidence)
                    Assert.InRange(e.Start + e.Length, 0, text.Length);
                end = s.Start + s.Length;
            }
            Assert.True(string.IsNullOrWhiteSpace(text[end..].Replace("\0", "")) || sentences.Count > 0, $"text left untagged: {JsonSerializer.Serialize(text)}");
        }
    }

    /// <summary>One input line: good JSON, or damaged in one of the ways scraped exports are.</summary>
    private static (byte[] Line, string? Text) JsonLine(Random random, int index, int maxCharacters)
    {
        string text = HostileStrings.NextEncodable(random, 30);
        byte[] good = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = $"d{index}", text }));
        // The first record names the fields: a bad one there stops the run by design (wrong field names).
        return (index == 0 ? 7 : random.Next(8)) switch
        {
            0 => ([.. good[..(good.Length / 2)]], null),                                        // cut short
            1 => ([.. "{\"id\":\"x\",\"text\":\"caf"u8, 0xC3, 0x28, .. "\"}"u8], null),          // invalid UTF-8
            2 => (Encoding.UTF8.GetBytes($"{{\"id\":\"d{index}\"}}"), null),                   // no text
            3 => (Encoding.UTF8.GetBytes("[1,2,3]"), null),                                     // not an object
            4 => (Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = "long", text = new string('x', 6 * maxCharacters + 70_000) })), null),  // longer than the reader holds
            _ => (good, text),
        };
    }

    [Fact]
    public void The_jsonl_reader_reports_every_malformed_line_by_its_number_and_reads_every_good_one()
    {
        var random = new Random(99);
        for (int round = 0; round < 20; round++)
        {
            var input = new MemoryStream();
            var expected = new List<(string Location, string? Text)>();
            int lineNumber = 0;
            for (int i = 0; i < 200; i++)
            {
                if (random.Next(10) == 0)
                {
                    input.Write(random.Next(2) == 0 ? "\n"u8 : "  \r\n"u8);   // blank lines are not records
                    lineNumber++;
                }
                var (line, text) = JsonLine(random, i, 500);
                input.Write(line);
                input.Write(random.Next(3) == 0 ? "\r\n"u8 : "\n"u8);
                expected.Add(($"stdin:{++lineNumber}", text));
            }
            input.Position = 0;
            using CorpusReader reader = CorpusReader.Open("-", CorpusFormat.JsonLines, "id", "text", () => input, maxDocumentCharacters: 500);
            List<CorpusRecord> records = reader.Records(0).Select(reader.Decode).ToList();

            Assert.Equal(expected.Count, records.Count);
            for (int i = 0; i < records.Count; i++)
            {
                Assert.Equal(expected[i].Location, records[i].Location);
                Assert.Equal(expected[i].Text, records[i].Text);
                Assert.True((records[i].Error is null) == (expected[i].Text is not null), $"{records[i].Location}: {records[i].Error}");
            }
        }
    }

    [Fact]
    public void The_csv_reader_reports_every_malformed_record_by_the_line_it_starts_on_and_reads_every_good_one()
    {
        var random = new Random(5);
        for (int round = 0; round < 20; round++)
        {
            var input = new StringBuilder("id,text\n");
            var expected = new List<(string Location, string? Text)>();
            int line = 1;
            for (int i = 0; i < 200; i++)
            {
                string text = HostileStrings.NextEncodable(random, 20).Replace("\r", "");
                string quoted = "\"" + text.Replace("\"", "\"\"") + "\"";
                int start = line + 1;
                string record = random.Next(7) switch
                {
                    0 => $"d{i},{quoted},extra",                           // a field too many
                    1 => $"d{i},\"closed\" then text",                     // text after a closing quote
                    2 => $"d{i}",                                          // a field too few
                    _ => $"d{i},{quoted}",
                };
                bool good = record == $"d{i},{quoted}";
                input.Append(record).Append('\n');
                line += record.Count(c => c == '\n') + 1;
                expected.Add(($"stdin:{start}", good ? text : null));
            }
            using CorpusReader reader = CorpusReader.Open("-", CorpusFormat.Csv, "id", "text", () => new MemoryStream(Encoding.UTF8.GetBytes(input.ToString())));
            List<CorpusRecord> records = reader.Records(0).Select(reader.Decode).ToList();

            Assert.Equal(expected.Select(e => e.Location), records.Select(r => r.Location));
            Assert.Equal(expected.Select(e => e.Text), records.Select(r => r.Text));
        }
    }
}
