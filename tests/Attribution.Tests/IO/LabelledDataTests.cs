using System.Text;

namespace Attribution.Tests.IO;

public sealed class LabelledDataTests : IDisposable
{
    private const string Header = "doc_id,sentence_index,text,labels\n";
    private readonly string _folder = Directory.CreateTempSubdirectory("attribution-data-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content) => WriteBytes(name, Encoding.UTF8.GetBytes(content));

    private string WriteBytes(string name, byte[] content)
    {
        string path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void Reads_quoted_fields_multi_labels_and_extra_columns()
    {
        string path = Write("a.csv", "doc_id,sentence_index,text,labels,note\n" +
            "d1,0,\"Selon Sana, « 3 morts », a dit \"\"X\"\".\",MilitarySource|SANA,x\n" +
            "d1,1,\"Deux\nlignes.\",None,\n");
        var data = LabelledData.Read(path);
        Assert.Equal(2, data.Count);
        Assert.Equal("Selon Sana, « 3 morts », a dit \"X\".", data[0].Text);
        Assert.Equal(["MilitarySource", "SANA"], data[0].Labels);
        Assert.Equal("MilitarySource", data[0].Label);
        Assert.Equal("Deux\nlignes.", data[1].Text);
    }

    [Fact]
    public void A_folder_stands_for_its_csv_files_in_path_order()
    {
        Write("b/2.csv", Header + "d2,0,Deux.,None\n");
        Write("a.csv", Header + "d1,0,Un.,OSDH\n");
        Write("b/notes.txt", "ignored");
        Assert.Equal(["d1", "d2"], LabelledData.Read(_folder).Select(s => s.DocumentId));
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_file_and_line()
    {
        string path = Write("bad.csv", Header +
            "d1,0,Bon.,None\n" +          // line 2
            "d1,x,Index illisible.,None\n" + // line 3
            "d1,2,,None\n" +                // line 4
            "d1,3,Sans label.,\n" +         // line 5
            "d1,0,Doublon.,OSDH\n" +        // line 6
            "d1,4,\"Multi\nligne.\",None\n" + // lines 7-8
            "d1,5,Label vide.,OSDH||SANA\n" + // line 9
            "d1,6\n");                        // line 10
        var e = Assert.Throws<DataFormatException>(() => LabelledData.Read(path));
        Assert.Equal([3, 4, 5, 6, 9, 10], e.Errors.Select(x => x.Line));
        Assert.All(e.Errors, x => Assert.Equal(path, x.File));
        Assert.Contains($"{path}:3: sentence_index 'x' is not a non-negative integer", e.Message);
        Assert.Contains($"{path}:4: empty text", e.Message);
        Assert.Contains($"{path}:5: empty labels", e.Message);
        Assert.Contains($"{path}:6: duplicate sentence: doc_id 'd1' sentence_index 0 already at {path}:2", e.Message);
        Assert.Contains($"{path}:9: labels 'OSDH||SANA' contain an empty label", e.Message);
        Assert.Contains($"{path}:10: missing column 'text'", e.Message);
    }

    [Fact]
    public void A_missing_header_column_is_an_error_on_line_1()
    {
        string path = Write("h.csv", "doc,sentence_index,text,labels\nd,0,T.,None\n");
        var e = Assert.Throws<DataFormatException>(() => LabelledData.Read(path));
        Assert.Equal(1, Assert.Single(e.Errors).Line);
        Assert.Contains("no 'doc_id' column", e.Message);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_not_a_replacement_character()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Header + "d,0,caf"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(".,None\n")];
        string path = WriteBytes("u.csv", bytes);
        var e = Assert.Throws<DataFormatException>(() => LabelledData.Read(path));
        Assert.Contains("invalid UTF-8", e.Message);
    }

    [Fact]
    public void Malformed_quoting_is_reported()
    {
        string path = Write("q.csv", Header + "d,0,Un \"guillemet\" nu,None\nd,1,Suite.,None\n");
        var e = Assert.Throws<DataFormatException>(() => LabelledData.Read(path));
        Assert.Contains(e.Errors, x => x.Line == 2 && x.Message.Contains("malformed quoting"));
    }

    [Fact]
    public void Duplicates_across_files_name_both_places()
    {
        string a = Write("a.csv", Header + "d,0,Un.,None\n");
        string b = Write("b.csv", Header + "d,0,Un.,None\n");
        var e = Assert.Throws<DataFormatException>(() => LabelledData.Read(a, b));
        Assert.Equal($"{b}:2: duplicate sentence: doc_id 'd' sentence_index 0 already at {a}:2", Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void A_missing_path_throws_file_not_found()
    {
        Assert.Throws<FileNotFoundException>(() => LabelledData.Read(Path.Combine(_folder, "nope.csv")));
    }

    [Fact]
    public void Validate_reports_every_bad_row_and_profiles_the_good_ones()
    {
        string good = Write("good.csv", Header + "d1,0,\"Huit morts, selon l'OSDH.\",OSDH\nd1,1,La ville est calme.,None\n");
        string bad = Write("bad.csv", Header + "d2,0,Trois morts selon Sana.,SANA\nd2,x,Index illisible.,None\nd2,1,,None\n");
        DataValidationResult result = LabelledData.Validate(good, bad);
        Assert.False(result.IsValid);
        Assert.Equal([(bad, 3), (bad, 4)], result.Errors.Select(e => (e.File, e.Line)));
        Assert.Equal(3, result.Statistics.Total.Sentences);
        Assert.Equal(2, result.Statistics.Total.Documents);
        Assert.True(LabelledData.Validate(good).IsValid);
    }
}
