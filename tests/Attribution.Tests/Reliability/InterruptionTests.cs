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

    /// <summary>
    /// Starts the tool and SIGKILLs it <paramref name="delay"/> after <paramref name="reached"/>
    /// (given its stderr so far) holds; true when it was still running. Kill points set by the
    /// run's progress, not by wall time, land inside the run however busy the machine is.
    /// </summary>
    private static bool KillWhen(string[] args, Func<string, bool> reached, TimeSpan delay)
    {
        using Process process = CliRunner.Start(args, out StringWriter stderr);
        while (true)
        {
            if (process.WaitForExit(TimeSpan.FromMilliseconds(2)))
                return false;
            string progress;
            lock (stderr)
                progress = stderr.ToString();
            if (reached(progress))
                break;
        }
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
        var whole = CliRunner.Run(null, [.. common, "--output", PathOf("whole.jsonl"), "--summary", PathOf("whole.csv")]);
        Assert.True(whole.ExitCode == 0, whole.Stderr);
        byte[] expected = File.ReadAllBytes(PathOf("whole.jsonl")), expectedSummary = File.ReadAllBytes(PathOf("whole.csv"));

        // Kill points are spread over the whole output, one in ten during start-up; after each kill
        // the run is resumed and killed again, and each chain of kills is finished by an
        // uninterrupted resume.
        var random = new Random(20261121);
        string output = PathOf("out.jsonl");
        string[] run = [.. common, "--output", output, "--summary", PathOf("out.csv")];
        int kills = 0, rounds = 0, missed = 0;
        while (kills < 20)
        {
            rounds++;
            foreach (string stale in Directory.GetFiles(_folder, "out.*"))
                File.Delete(stale);
            for (int k = 0; k < 5 && kills < 20; k++)
            {
                // One point in ten is a delay after start-up; the others a share of the output written.
                double point = random.NextDouble();
                long bytes = point < 0.1 ? 0 : (long)((point - 0.1) / 0.9 * expected.Length);
                int startupMilliseconds = random.Next(0, 300);
                TimeSpan delay = point < 0.1 ? TimeSpan.FromMilliseconds(startupMilliseconds) : TimeSpan.Zero;
                var partial = new FileInfo(output + ".partial");
                if (!KillWhen([.. run, "--resume"], _ => { partial.Refresh(); return bytes == 0 || partial.Exists && partial.Length >= bytes; }, delay))
                {
                    missed++;
                    break;
                }
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
        // A run finishes before its kill point only when the point is at the very end of the output.
        Assert.True(missed <= 5, $"{missed} runs finished before their kill point");
        Assert.InRange(rounds, 4, 10);
    }

    [Fact]
    [Trait("Category", "Long")]
    public void Train_killed_at_random_points_leaves_the_previous_model_or_the_new_one_never_half_of_one()
    {
        string data = TestCorpus.WriteCsv(PathOf("train.csv"), TestCorpus.Generate(150, seed: 9));
        string target = PathOf("model.zip");
        string[] train = ["train", "--data", data, "--calibration-folds", "2"];
        var first = CliRunner.Run(null, [.. train, "--seed", "1", "--model", target]);
        Assert.True(first.ExitCode == 0, first.Stderr);
        byte[] previous = File.ReadAllBytes(target);
        var second = CliRunner.Run(null, [.. train, "--seed", "2", "--model", PathOf("reference.zip")]);
        Assert.True(second.ExitCode == 0, second.Stderr);
        byte[] replacement = File.ReadAllBytes(PathOf("reference.zip"));
        Assert.NotEqual(previous, replacement);

        // Kill points follow the run's own progress lines (the last one is written after the save),
        // with a random delay after the chosen line, so they land inside the run on a busy machine too.
        int progressLines = second.Stderr.Count(c => c == '\n') - 1;
        var random = new Random(3);
        int kills = 0;
        for (int attempt = 0; attempt < 8; attempt++)
        {
            File.WriteAllBytes(target, previous);
            int lines = random.Next(0, progressLines + 1);
            if (KillWhen([.. train, "--seed", "2", "--model", target], stderr => stderr.Count(c => c == '\n') >= lines, TimeSpan.FromMilliseconds(random.Next(0, 100))))
                kills++;
            byte[] left = File.ReadAllBytes(target);
            Assert.True(left.SequenceEqual(previous) || left.SequenceEqual(replacement), "a half-written model was left at the target path");
            AttributionModel.Load(target);
        }
        Assert.True(kills >= 4, $"only {kills} of 8 runs were still going when killed");

        // The temporary files of killed saves are removed by the next save to the same path.
        File.WriteAllBytes(target + ".999999999.tmp", previous);  // no process has that id
        var complete = CliRunner.Run(null, [.. train, "--seed", "2", "--model", target]);
        Assert.True(complete.ExitCode == 0, complete.Stderr);
        Assert.Equal(replacement, File.ReadAllBytes(target));
        Assert.Empty(Directory.GetFiles(_folder, "model.zip.*.tmp"));
    }
}
