using System.Text;
using Attribution.IO;

namespace Attribution.Tests.IO;

public sealed class ScoreFormatterTests
{
    private static string Row(double confidence, string id = "d", string text = "Une phrase.")
    {
        using var output = new PooledBufferWriter();
        ScoreFormatter.Create(ScoreFormat.Csv, ["A", "B"]).WriteSentence(output, id, 2, 10, text.Length, text, 1, [1 - confidence, confidence], null);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Theory]
    [InlineData(0.0, "0.0000")]
    [InlineData(1.0, "1.0000")]
    [InlineData(0.99995, "1.0000")]
    [InlineData(0.123449, "0.1234")]
    [InlineData(0.5, "0.5000")]
    [InlineData(0.00004, "0.0000")]
    public void Confidence_has_four_decimals_rounded_half_away_from_zero(double confidence, string expected) =>
        Assert.Equal($"d,2,10,11,Une phrase.,B,{expected}\n", Row(confidence));

    [Fact]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted_and_other_text_is_utf8()
    {
        Assert.Equal("\"a,b\",2,10,19,\"Il a dit « \"\"non\"\" ».\",B,0.7500\n", Row(0.75, "a,b", "Il a dit « \"non\" »."));
        Assert.Equal("\"x\ny\",2,10,4,été.,B,0.2500\n", Row(0.25, "x\ny", "été."));
    }
}
