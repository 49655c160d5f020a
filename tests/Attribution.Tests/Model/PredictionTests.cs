namespace Attribution.Tests.Model;

public class PredictionTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private const string Article =
        "Syrie : nouveaux combats à Alep\n" +
        "Selon l'OSDH, 14 civils ont été tués à Idleb. « C'est un massacre », a-t-il ajouté.\n" +
        "L'agence officielle Sana a rapporté 3 blessés à Homs. La ville de Hama compte environ 40 habitants.";

    [Fact]
    public void Attribute_splits_the_article_and_every_result_points_at_its_text()
    {
        var tags = fixture.Model.Attribute(Article);
        Assert.Equal(5, tags.Count);
        for (int i = 0; i < tags.Count; i++)
        {
            Assert.Equal(i, tags[i].Index);
            Assert.Equal(tags[i].Text, Article.Substring(tags[i].Start, tags[i].Length));
            Assert.Equal(1.0, tags[i].Scores.Values.Sum(), 6);
            Assert.Equal(tags[i].Scores[tags[i].Label], tags[i].Confidence);
            Assert.Equal(tags[i].Scores.Values.Max(), tags[i].Confidence);
            foreach (Evidence e in tags[i].Evidence)
            {
                Assert.True(e.Contribution > 0);
                Assert.InRange(e.Start, 0, Article.Length);
                Assert.InRange(e.Start + e.Length, e.Start, Article.Length);
            }
        }
        Assert.Equal(["OSDH", "OSDH", "SANA", "None"], tags.Skip(1).Select(t => t.Label));
    }

    [Fact]
    public void Evidence_names_the_cue_and_its_span()
    {
        SentenceAttribution tag = fixture.Model.Predict("Selon Sana, 12 obus sont tombés sur Alep.");
        Assert.Equal("SANA", tag.Label);
        Evidence cue = Assert.Single(tag.Evidence, e => e.Feature == "w:sana");
        Assert.Equal("Sana", tag.Text.Substring(cue.Start, cue.Length));
        Assert.True(tag.Evidence.Count <= 5);
        Assert.Empty(fixture.Model.Predict("Selon Sana, 12 obus.", new PredictionOptions { EvidenceCount = 0 }).Evidence);
    }

    [Fact]
    public void Sixteen_threads_give_the_same_answers_as_one()
    {
        string[] articles = TestCorpus.Generate(40, seed: 11)
            .GroupBy(s => s.DocumentId)
            .Select(d => string.Join(" ", d.Select(s => s.Text)))
            .ToArray();
        var expected = articles.Select(a => Describe(fixture.Model.Attribute(a))).ToArray();

        var actual = new string[16][];
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 16 }, t =>
        {
            actual[t] = new string[articles.Length];
            for (int round = 0; round < 3; round++)
                for (int i = 0; i < articles.Length; i++)
                    actual[t][(i + t) % articles.Length] = Describe(fixture.Model.Attribute(articles[(i + t) % articles.Length]));
        });
        foreach (string[] run in actual)
            Assert.Equal(expected, run);
    }

    private static string Describe(IReadOnlyList<SentenceAttribution> tags) =>
        string.Join("|", tags.Select(t => $"{t.Label}:{t.Confidence:R}:{t.Start}:{string.Join(",", t.Evidence.Select(e => e.Feature))}"));
}
