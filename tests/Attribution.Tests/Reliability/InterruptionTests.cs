using System.Diagnostics;
using Attribution.Tests.Cli;
using Attribution.Tests.Scoring;

namespace Attribution.Tests.Reliability;

/// <summary>Runs killed with SIGKILL at random moments: nothing half-written is ever left where a finished file belongs.</summary>
public sealed class InterruptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("attribution-kill-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    /// <summary>Starts the tool and SIGKILLs it after <paramref name="delay"/>; true when it was still running.</summary>
    private static bool KillAfter(string[] args, TimeSpan delay)
    {
        using Process process = CliRunner.Start(args);
        if (process.WaitForExit(delay))
            return false;
        process.Kill();
        process.WaitForExit();
        return true;
    }

    [Fact]
    [Trait("Category", "Long")]
    public void Twenty_random_sigkills_each_resumed_end_with_the_bytes_of_an_uninterrupted_run()
    {
        string input = ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), ScoringCorpus.Documents(800));
        string[] common = ["score", "--input", input, "--threads", "2", "--format", "jsonl", "--checkpoint-interval", "0.01"];
        var clock = Stopwatch.StartNew();
        var whole = CliRunner.Run(null, [.. common, "--output", PathOf("whole.jsonl"), "--summary", PathOf("whole.csv")]);
        Assert.True(whole.ExitCode == 0, whole.Stderr);
        TimeSpan duration = clock.Elapsed;
        byte[] expected = File.ReadAllBytes(PathOf("whole.jsonl")), expectedSummary = File.ReadAllBytes(PathOf("whole.csv"));

        // Kill points are spread over the whole run, start-up included; after each kill the run is
        // resumed and killed again, and each chain of kills is finished by an uninterrupted resume.
        var random = new Random(20261121);
        string output = PathOf("out.jsonl");
        string[] run = [.. common, "--output", output, "--summary", PathOf("out.csv")];
        int kills = 0, rounds = 0;
        while (kills < 20)
        {
            rounds++;
            foreach (string stale in Directory.GetFiles(_folder, "out.*"))
                File.Delete(stale);
            for (int k = 0; k < 5 && kills < 20; k++)
            {
                TimeSpan delay = duration * random.NextDouble();
                if (!KillAfter([.. run, "--resume"], delay))
                    break;
                kills++;
                // A killed run leaves its output under .partial, never at the final path.
                Assert.False(File.Exists(output) && !File.ReadAllBytes(output).SequenceEqual(expected), $"kill {kills} left a wrong {output}");
            }
            var finished = CliRunner.Run(null, [.. run, "--resume"]);
            Assert.True(finished.ExitCode == 0, finished.Stderr);
            Assert.Equal(expected, File.ReadAllBytes(output));
            Assert.Equal(expectedSummary, File.ReadAllBytes(PathOf("out.csv")));
            Assert.False(File.Exists(output + ".partial"));
            Assert.False(File.Exists(output + ".checkpoint"));
        }
        Assert.Equal(20, kills);
        Assert.InRange(rounds, 4, 20);
    }

    [Fact]
    [Trait("Category", "Long")]
    public void Train_killed_at_random_points_leaves_the_previous_model_or_the_new_one_never_half_of_one()
    {
        string data = TestCorpus.WriteCsv(PathOf("train.csv"), TestCorpus.Generate(150, seed: 9));
        string target = PathOf("model.zip");
        string[] train = ["train", "--data", data, "--calibration-folds", "2"];
        var clock = Stopwatch.StartNew();
        var first = CliRunner.Run(null, [.. train, "--seed", "1", "--model", target]);
        Assert.True(first.ExitCode == 0, first.Stderr);
        TimeSpan duration = clock.Elapsed;
        byte[] previous = File.ReadAllBytes(target);
        var second = CliRunner.Run(null, [.. train, "--seed", "2", "--model", PathOf("reference.zip")]);
        Assert.True(second.ExitCode == 0, second.Stderr);
        byte[] replacement = File.ReadAllBytes(PathOf("reference.zip"));
        Assert.NotEqual(previous, replacement);

        var random = new Random(3);
        int kills = 0;
        for (int attempt = 0; attempt < 8; attempt++)
        {
            File.WriteAllBytes(target, previous);
            if (KillAfter([.. train, "--seed", "2", "--model", target], duration * (0.3 + 0.9 * random.NextDouble())))
                kills++;
            byte[] left = File.ReadAllBytes(target);
            Assert.True(left.SequenceEqual(previous) || left.SequenceEqual(replacement), "a half-written model was left at the target path");
            AttributionModel.Load(target);
        }
        Assert.True(kills >= 4, $"only {kills} of 8 runs were still going when killed");
    }
}
