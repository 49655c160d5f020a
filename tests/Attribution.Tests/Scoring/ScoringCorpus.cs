using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Attribution.Tests.Scoring;

/// <summary>Small corpora written in every input format, from the test corpus's sentences.</summary>
internal static class ScoringCorpus
{
    /// <summary>Documents (id, text) built from the generated labelled corpus, a few with awkward ids and text.</summary>
    public static List<(string Id, string Text)> Documents(int count, int seed = 11)
    {
        var documents = TestCorpus.Generate(count, seed)
            .GroupBy(s => s.DocumentId)
            .Select(g => (Id: g.Key, Text: string.Join(g.Key.EndsWith('3') ? "\n" : " ", g.Select(s => s.Text))))
            .ToList();
        documents[1] = ("doc, with \"comma\"", "« Nous ne partirons pas », a déclaré un habitant, selon l'OSDH. Il a ajouté : \"jamais\".");
        return documents;
    }

    public static string WriteJsonLines(string path, IEnumerable<(string Id, string Text)> documents, string idField = "id")
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var (id, text) in documents)
            writer.Write(JsonSerializer.Serialize(new Dictionary<string, string> { [idField] = id, ["lang"] = "fr", ["text"] = text }) + "\n");
        return path;
    }

    public static string WriteCsv(string path, IEnumerable<(string Id, string Text)> documents)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.Write("source,id,text\r\n");
        foreach (var (id, text) in documents)
            writer.Write($"x,{Quote(id)},{Quote(text)}\r\n");
        return path;
    }

    public static string WriteFolder(string folder, IEnumerable<(string Id, string Text)> documents)
    {
        foreach (var (id, text) in documents)
        {
            string path = Path.Combine(folder, id);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        return folder;
    }

    public static string Gzip(string path)
    {
        string gz = path + ".gz";
        using (var source = File.OpenRead(path))
        using (var target = new GZipStream(File.Create(gz), CompressionLevel.Fastest))
            source.CopyTo(target);
        return gz;
    }

    /// <summary>The CSV output's rows after the header, parsed into fields.</summary>
    public static List<string[]> ReadRows(string csv)
    {
        using var reader = new CsvHelper.CsvReader(new StringReader(csv), System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        reader.Read();
        reader.ReadHeader();
        Assert.Equal(["doc_id", "sentence_index", "start", "length", "text", "label", "confidence"], reader.HeaderRecord!);
        while (reader.Read())
            rows.Add(Enumerable.Range(0, 7).Select(i => reader.GetField(i)!).ToArray());
        return rows;
    }

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"") + "\"";
}
