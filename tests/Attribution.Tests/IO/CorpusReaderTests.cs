using System.Text;
using Attribution.IO;

namespace Attribution.Tests.IO;

public sealed class CorpusReaderTests
{
    private static List<CorpusRecord> Read(byte[] bytes, CorpusFormat format, long skip = 0)
    {
        using CorpusReader reader = CorpusReader.Open("-", format, "id", "text", () => new MemoryStream(bytes));
        return reader.Records(skip).Select(reader.Decode).ToList();
    }

    [Fact]
    public void Jsonl_lines_longer_than_the_buffer_crlf_endings_and_a_bom_are_read_whole()
    {
        string longText = string.Concat(Enumerable.Repeat("Selon l'OSDH, les combats continuent à Alep. ", 4000));
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(
            "{\"id\":\"a\",\"text\":\"court\"}\r\n" +
            "{\"id\":\"b\",\"text\":\"" + longText + "\"}\r\n" +
            "\r\n" +
            "{\"id\":\"c\",\"text\":\"été\"}")];
        List<CorpusRecord> records = Read(bytes, CorpusFormat.JsonLines);
        Assert.Equal(["a", "b", "c"], records.Select(r => r.Id));
        Assert.Equal([0L, 1, 2], records.Select(r => r.Ordinal));
        Assert.Equal(longText, records[1].Text);
        Assert.Equal("été", records[2].Text);
        Assert.Equal("stdin:4", records[2].Location);
        Assert.All(records, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Skipping_for_a_resume_leaves_out_exactly_the_first_records_counting_unreadable_ones()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"text\":\"x\"}\nbroken\n\n{\"id\":\"c\",\"text\":\"y\"}\n{\"id\":\"d\",\"text\":\"z\"}\n");
        List<CorpusRecord> records = Read(bytes, CorpusFormat.JsonLines, skip: 2);
        Assert.Equal(["c", "d"], records.Select(r => r.Id));
        Assert.Equal([2L, 3], records.Select(r => r.Ordinal));
    }

    [Fact]
    public void Csv_fields_may_hold_commas_doubled_quotes_and_line_breaks()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("text,id\r\n\"Il a dit : \"\"non\"\", puis\r\nest parti.\",d1\r\nsimple,d2\r\n");
        List<CorpusRecord> records = Read(bytes, CorpusFormat.Csv);
        Assert.Equal(["d1", "d2"], records.Select(r => r.Id));
        Assert.Equal("Il a dit : \"non\", puis\nest parti.", records[0].Text);
        Assert.Equal("stdin:4", records[1].Location);
    }

    [Fact]
    public void A_csv_without_the_named_columns_is_refused_with_the_header_it_has()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("doc,body\nd1,x\n");
        var e = Assert.Throws<DataFormatException>(() => Read(bytes, CorpusFormat.Csv));
        Assert.Contains("no column \"id\"", e.Message);
        Assert.Contains("doc, body", e.Message);
    }

    [Fact]
    public void Gzip_is_recognised_by_its_signature_on_standard_input()
    {
        var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes("{\"id\":\"z\",\"text\":\"Selon Sana.\"}\n"));
        CorpusRecord record = Assert.Single(Read(compressed.ToArray(), CorpusFormat.JsonLines));
        Assert.Equal("Selon Sana.", record.Text);
    }

    [Theory]
    [InlineData("corpus.csv", CorpusFormat.Csv)]
    [InlineData("corpus.csv.gz", CorpusFormat.Csv)]
    [InlineData("corpus.jsonl.gz", CorpusFormat.JsonLines)]
    [InlineData("-", CorpusFormat.JsonLines)]
    [InlineData("article.txt", CorpusFormat.Text)]
    public void The_input_format_follows_the_name(string name, CorpusFormat expected) =>
        Assert.Equal(expected, CorpusReader.InferFormat(name));
}
