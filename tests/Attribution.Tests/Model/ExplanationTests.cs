namespace Attribution.Tests.Model;

public class ExplanationTests
{
    private static readonly AttributionModel Model = AttributionModel.LoadDefault();

    private const string Article =
        "Huit civils ont été tués à Alep, selon l'OSDH. « C'est un massacre », a-t-il ajouté. " +
        "L'armée a annoncé la reprise de Douma. Les combats continuent.";

    // Models trained on the test corpus, whose carried quotes ("« La situation est très grave », a-t-il
    // ajouté.") take their label from the sentence before: one per kind of explanation.
    private static readonly Dictionary<string, AttributionModel> Trained = new()
    {
        ["sdca"] = AttributionTrainer.Train(TestCorpus.Generate(80, seed: 1), TestCorpus.FastOptions()),
        ["fasttree"] = AttributionTrainer.Train(TestCorpus.Generate(80, seed: 1), TestCorpus.FastOptions() with { Algorithm = TrainerAlgorithm.FastTree }),
    };

    private const string Quoted =
        "Huit civils ont été tués à Alep, selon l'OSDH. « La situation est très grave », a-t-il ajouté. " +
        "L'armée a annoncé dans un communiqué avoir repris Douma. Les combats se poursuivent à Homs depuis 3 jours.";

    [Theory]
    [InlineData("sdca")]
    [InlineData("fasttree")]
    public void The_cue_behind_a_label_is_found_in_its_sentence_or_for_a_carried_quote_in_the_sentence_before(string trainer)
    {
        var tags = Trained[trainer].Attribute(Quoted);
        Assert.Equal(["OSDH", "OSDH", "MilitarySource", "None"], tags.Select(t => t.Label));

        ReportingCue own = tags[0].Cue!;
        Assert.Equal("selon", own.Text);
        Assert.Equal(Quoted.IndexOf("selon", StringComparison.Ordinal), own.Start);
        Assert.Equal("selon", Quoted.Substring(own.Start, own.Length));
        Assert.False(own.InEarlierSentence);

        ReportingCue carried = tags[1].Cue!;
        Assert.True(carried.InEarlierSentence);
        Assert.True(carried.Start < tags[1].Start);
        Assert.Equal("selon", carried.Text);

        Assert.Equal("annoncé", tags[2].Cue!.Text);
        Assert.Null(tags[3].Cue);
    }

    [Fact]
    public void Evidence_is_ranked_positive_and_points_at_text_that_produced_it()
    {
        SentenceAttribution first = Model.Attribute(Article)[0];
        Assert.InRange(first.Evidence.Count, 1, 5);
        Assert.True(first.Evidence.Zip(first.Evidence.Skip(1)).All(p => p.First.Contribution >= p.Second.Contribution));
        Assert.All(first.Evidence, e => Assert.True(e.Contribution > 0));
        Assert.Contains(first.Evidence, e => e.Length > 0 && Article.Substring(e.Start, e.Length).Contains("OSDH"));
        Assert.Null(Model.Attribute(Article, new PredictionOptions { EvidenceCount = 0 })[0].Cue);
    }
}
