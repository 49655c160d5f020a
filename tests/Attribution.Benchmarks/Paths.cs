namespace Attribution.Benchmarks;

/// <summary>Repository and shared-data paths, found from the working directory upwards.</summary>
internal static class Paths
{
    public static string Repository { get; } = Find(d => File.Exists(Path.Combine(d, "Attribution.sln")), "Attribution.sln");

    public static string Shared { get; } = Environment.GetEnvironmentVariable("ATTRIBUTION_SHARED")
        ?? Path.Combine(Path.GetDirectoryName(Repository)!, "shared");

    /// <summary>The Release build of the CLI, or null (with a message) when it is not built.</summary>
    public static string? Cli()
    {
        string cli = Path.Combine(Repository, "src", "Attribution.Cli", "bin", "Release", "net10.0", "Attribution.Cli.dll");
        if (File.Exists(cli))
            return cli;
        Console.Error.WriteLine($"build the CLI first: dotnet build src/Attribution.Cli -c Release ({cli} not found)");
        return null;
    }

    public static string Option(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static string Find(Func<string, bool> match, string what)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (match(dir.FullName))
                return dir.FullName;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (match(dir.FullName))
                return dir.FullName;
        throw new DirectoryNotFoundException($"{what} not found above the working directory");
    }
}
