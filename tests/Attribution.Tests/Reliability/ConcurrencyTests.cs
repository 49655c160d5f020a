using Attribution.Hosting;
using Microsoft.Extensions.Options;

namespace Attribution.Tests.Reliability;

/// <summary>One loaded model shared by many threads, and swapped by the hosting integration while they work.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private static readonly AttributionModel Shipped = AttributionModel.LoadDefault();
    private readonly string _folder = Directory.CreateTempSubdirectory("attribution-threads-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly string[] Articles = TestCorpus.Generate(30, seed: 21)
        .GroupBy(s => s.DocumentId)
        .Select(d => string.Join(" ", d.Select(s => s.Text)))
        .ToArray();

    private static string Describe(IReadOnlyList<SentenceAttribution> tags) =>
        string.Join("|", tags.Select(t => $"{t.Label}:{t.Confidence:R}:{t.Start}:{string.Join(",", t.Labels)}:{string.Join(",", t.Evidence.Select(e => $"{e.Feature}={e.Contribution:R}"))}"));

    [Fact]
    public void Sixteen_threads_on_the_shipped_tree_model_give_the_answers_of_one_thread_with_evidence()
    {
        string[] expected = Articles.Select(a => Describe(Shipped.Attribute(a))).ToArray();
        var actual = new string[16, Articles.Length];
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 16 }, t =>
        {
            for (int round = 0; round < 3; round++)
                for (int i = 0; i < Articles.Length; i++)
                {
                    int a = (i + t) % Articles.Length;
                    // A call with other options in between must leave nothing behind in the thread's scorer.
                    Shipped.Attribute(Articles[(a + 1) % Articles.Length], new PredictionOptions { EvidenceCount = (round + t) % 4 });
                    actual[t, a] = Describe(Shipped.Attribute(Articles[a]));
                }
        });
        for (int t = 0; t < 16; t++)
            for (int a = 0; a < Articles.Length; a++)
                Assert.Equal(expected[a], actual[t, a]);
    }

    [Fact]
    public async Task A_model_reloaded_under_load_is_never_served_half_loaded()
    {
        // Two models with different labels; each answer must be exactly that of the model it came from.
        AttributionModel other = TestCorpus.ThreeLabelModel();
        string path = Path.Combine(_folder, "model.zip");
        Shipped.Save(path);
        string[] shippedAnswers = Articles.Select(a => Describe(Shipped.Attribute(a))).ToArray();
        string[] otherAnswers = Articles.Select(a => Describe(other.Attribute(a))).ToArray();

        using var provider = new AttributionModelProvider(Options.Create(new AttributionHostingOptions { ModelPath = path, ReloadDelay = TimeSpan.FromMilliseconds(1) }));
        using var stop = new CancellationTokenSource();
        var served = new int[2];
        Task[] workers = Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            for (int i = w; !stop.IsCancellationRequested; i++)
            {
                AttributionModel model = provider.Model;
                bool isShipped = model.Labels.Count == Shipped.Labels.Count;
                string answer = Describe(model.Attribute(Articles[i % Articles.Length]));
                Assert.Equal((isShipped ? shippedAnswers : otherAnswers)[i % Articles.Length], answer);
                Interlocked.Increment(ref served[isShipped ? 0 : 1]);
            }
        })).ToArray();

        int reloads = 0;
        for (int swap = 0; swap < 40; swap++)
        {
            (swap % 2 == 0 ? other : Shipped).Save(path);
            if (provider.Reload())
                reloads++;
            await Task.Delay(10);
        }
        stop.Cancel();
        await Task.WhenAll(workers);

        Assert.Equal(40, reloads);
        Assert.True(served[0] > 0 && served[1] > 0, $"served {served[0]} and {served[1]}");
    }
}
