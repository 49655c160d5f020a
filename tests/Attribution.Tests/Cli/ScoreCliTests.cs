using System.Diagnostics;
using Attribution.Tests.Scoring;

namespace Attribution.Tests.Cli;

public sealed class ScoreCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("attribution-score-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void Score_pipes_jsonl_from_standard_input_to_standard_output_and_prints_one_summary_line()
    {
        string input = ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), ScoringCorpus.Documents(10));
        var piped = CliRunner.Run(File.ReadAllText(input), "score", "--input", "-", "--output", "-");
        Assert.True(piped.ExitCode == 0, piped.Stderr);
        var toFile = CliRunner.Run(null, "score", "--input", input, "--output", PathOf("out.csv"), "--threads", "1");
        Assert.True(toFile.ExitCode == 0, toFile.Stderr);
        Assert.Equal(File.ReadAllText(PathOf("out.csv")), piped.Stdout);
        // On a pipe: no progress bar, only the final line.
        string line = Assert.Single(piped.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("scored 10 documents, ", line);
    }

    [Fact]
    public void Partitions_piped_through_the_tool_as_spark_or_hadoop_streaming_do_concatenate_to_the_whole_output()
    {
        // RDD.pipe and Hadoop Streaming hand each task a run of whole input lines on stdin and
        // collect its stdout lines; with JSONL in and JSONL out, any cut gives the same records.
        string input = ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), ScoringCorpus.Documents(25));
        string[] lines = File.ReadAllLines(input);
        var whole = CliRunner.Run(File.ReadAllText(input), "score", "--input", "-", "--output", "-", "--format", "jsonl");
        Assert.True(whole.ExitCode == 0, whole.Stderr);
        var parts = new List<string>();
        foreach (var (from, to) in new[] { (0, 7), (7, 8), (8, 25) })
        {
            var part = CliRunner.Run(string.Join("\n", lines[from..to]) + "\n", "score", "--input", "-", "--output", "-", "--format", "jsonl");
            Assert.True(part.ExitCode == 0, part.Stderr);
            parts.Add(part.Stdout);
        }
        Assert.Equal(whole.Stdout, string.Concat(parts));
    }

    [Fact]
    public void Bad_documents_make_the_exit_code_1_after_the_rest_are_written_and_bad_flags_make_it_2()
    {
        string input = PathOf("in.jsonl");
        File.WriteAllText(input, "{\"id\":\"a\",\"text\":\"Selon Sana, 3 morts.\"}\n{\"id\":\"b\"\n{\"id\":\"c\",\"text\":\"Le HCR s'inquiète.\"}\n");
        var result = CliRunner.Run(null, "score", "--input", input, "--output", PathOf("out.jsonl"), "--format", "jsonl");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("in.jsonl:2: not valid JSON", result.Stderr);
        Assert.Contains("scored 2 documents, 2 sentences, 1 errors", result.Stderr);
        Assert.Equal(2, File.ReadAllLines(PathOf("out.jsonl")).Length);

        Assert.Equal(2, CliRunner.Run(null, "score", "--input", input, "--output", PathOf("x.csv"), "--shard", "0/3").ExitCode);
        Assert.Equal(2, CliRunner.Run(null, "score", "--input", PathOf("missing.jsonl"), "--output", PathOf("x.csv")).ExitCode);
        Assert.Equal(2, CliRunner.Run(null, "score", "--input", input, "--output", "-", "--resume").ExitCode);
        Assert.Equal(2, CliRunner.Run(null, "score", "--input", input, "--output", PathOf("x.csv"), "--threads", "0").ExitCode);
    }

    [Fact]
    public void A_run_killed_with_sigkill_and_resumed_ends_with_the_bytes_of_an_uninterrupted_run()
    {
        // Large enough that the run is still going when the first checkpoints appear.
        var documents = ScoringCorpus.Documents(3000);
        string input = ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), documents);
        string[] common = ["score", "--input", input, "--threads", "1", "--format", "jsonl"];
        var whole = CliRunner.Run(null, [.. common, "--output", PathOf("whole.jsonl"), "--summary", PathOf("whole.csv")]);
        Assert.True(whole.ExitCode == 0, whole.Stderr);

        string output = PathOf("resumed.jsonl");
        string[] resumable = [.. common, "--output", output, "--summary", PathOf("resumed.csv"), "--checkpoint-interval", "0.01"];
        int kills = 0;
        for (int attempt = 0; attempt < 3 && !File.Exists(output); attempt++)
        {
            using Process process = CliRunner.Start([.. resumable, .. attempt > 0 ? new[] { "--resume" } : []]);
            var clock = Stopwatch.StartNew();
            while (!File.Exists(output + ".checkpoint") && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
                Thread.Sleep(5);
            Thread.Sleep(20 * attempt);
            if (!process.HasExited)
            {
                process.Kill();
                kills++;
            }
            process.WaitForExit();
        }
        Assert.True(kills > 0, "the run finished before it could be killed");
        Assert.False(File.Exists(output));
        Assert.True(File.Exists(output + ".partial"));

        var resumed = CliRunner.Run(null, [.. resumable, "--resume"]);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("resuming after", resumed.Stderr);
        Assert.Equal(File.ReadAllBytes(PathOf("whole.jsonl")), File.ReadAllBytes(output));
        Assert.Equal(File.ReadAllBytes(PathOf("whole.csv")), File.ReadAllBytes(PathOf("resumed.csv")));
        Assert.False(File.Exists(output + ".partial"));
        Assert.False(File.Exists(output + ".checkpoint"));
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Ctrl_c_or_sigterm_stops_cleanly_with_exit_1_and_resume_finishes_the_same_bytes(string signal)
    {
        string input = ScoringCorpus.WriteJsonLines(PathOf("in.jsonl"), ScoringCorpus.Documents(3000));
        string[] common = ["score", "--input", input, "--threads", "1"];
        var whole = CliRunner.Run(null, [.. common, "--output", PathOf("whole.csv")]);
        Assert.True(whole.ExitCode == 0, whole.Stderr);

        string output = PathOf("stopped.csv");
        string[] stoppable = [.. common, "--output", output, "--checkpoint-interval", "0.01"];
        using Process process = CliRunner.Start(stoppable, out StringWriter stderr);
        var clock = Stopwatch.StartNew();
        while (!File.Exists(output + ".checkpoint") && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
            Thread.Sleep(5);
        Assert.False(process.HasExited, "the run finished before it could be stopped");
        using (Process kill = Process.Start("kill", ["-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            kill.WaitForExit();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)));
        process.WaitForExit();
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("interrupted after", stderr.ToString());
        Assert.Contains("--resume", stderr.ToString());
        Assert.False(File.Exists(output));

        var resumed = CliRunner.Run(null, [.. stoppable, "--resume"]);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Equal(File.ReadAllBytes(PathOf("whole.csv")), File.ReadAllBytes(output));
    }
}
