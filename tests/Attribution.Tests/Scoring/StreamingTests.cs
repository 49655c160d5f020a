using System.Runtime.CompilerServices;

namespace Attribution.Tests.Scoring;

public sealed class StreamingTests
{
    private static readonly AttributionModel Model = AttributionModel.LoadDefault();
    private static readonly PredictionOptions NoEvidence = new() { EvidenceCount = 0 };

    private static List<Article> Articles(int count) =>
        ScoringCorpus.Documents(count).Select(d => new Article(d.Id, d.Text)).ToList();

    private static async IAsyncEnumerable<Article> Slowly(IEnumerable<Article> articles, [EnumeratorCancellation] CancellationToken token = default)
    {
        foreach (Article article in articles)
        {
            await Task.Yield();
            token.ThrowIfCancellationRequested();
            yield return article;
        }
    }

    private static void AssertSame(IReadOnlyList<SentenceAttribution> expected, IReadOnlyList<SentenceAttribution> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i].Start, expected[i].Length, expected[i].Label), (actual[i].Start, actual[i].Length, actual[i].Label));
            Assert.Equal(expected[i].Scores, actual[i].Scores);
        }
    }

    [Fact]
    public async Task Streamed_articles_come_back_in_input_order_with_the_same_tags_as_one_at_a_time()
    {
        List<Article> articles = Articles(60);
        var results = new List<ArticleAttribution>();
        await foreach (ArticleAttribution result in Model.AttributeAsync(Slowly(articles), NoEvidence))
            results.Add(result);

        Assert.Equal(articles.Select(a => a.Id), results.Select(r => r.Id));
        for (int i = 0; i < articles.Count; i++)
            AssertSame(Model.Attribute(articles[i].Text, NoEvidence), results[i].Sentences);

        var fromList = new List<ArticleAttribution>();
        await foreach (ArticleAttribution result in Model.AttributeAsync(articles, NoEvidence))
            fromList.Add(result);
        Assert.Equal(results.Select(r => r.Id), fromList.Select(r => r.Id));
    }

    [Fact]
    public async Task Cancelling_a_stream_stops_it_with_OperationCanceledException()
    {
        using var cancel = new CancellationTokenSource();
        int received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ArticleAttribution _ in Model.AttributeAsync(Slowly(Articles(400)), NoEvidence, cancel.Token))
                if (++received == 5)
                    cancel.Cancel();
        });
        Assert.InRange(received, 5, 5 + 2 * Environment.ProcessorCount);
    }

    [Fact]
    public async Task A_null_article_and_bad_options_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new Article("id", null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.AttributeAsync(Articles(1), new PredictionOptions { EvidenceCount = -1 }));
        await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (ArticleAttribution _ in Model.AttributeAsync(new Article[] { new("a", "Texte."), null! }))
            {
            }
        });
    }

    [Fact]
    public async Task ScoreAsync_writes_the_same_bytes_as_Score()
    {
        string folder = Directory.CreateTempSubdirectory("attribution-async-").FullName;
        try
        {
            string input = ScoringCorpus.WriteJsonLines(Path.Combine(folder, "in.jsonl"), ScoringCorpus.Documents(40));
            var scorer = new CorpusScorer(Model, new ScoringOptions { Threads = 2 });
            ScoringReport synchronous = scorer.Score(input, Path.Combine(folder, "sync.csv"));
            ScoringReport asynchronous = await scorer.ScoreAsync(input, Path.Combine(folder, "async.csv"));

            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "sync.csv")), File.ReadAllBytes(Path.Combine(folder, "async.csv")));
            Assert.Equal(synchronous.Sentences, asynchronous.Sentences);

            var output = new MemoryStream();
            await scorer.ScoreAsync(File.OpenRead(input), output);
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "sync.csv")), output.ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
