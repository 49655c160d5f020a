namespace Attribution.Tests;

/// <summary>Paths inside this repository, found by walking up from the test binaries to Attribution.sln.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Located = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Attribution.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"Attribution.sln not found above {AppContext.BaseDirectory}");
    });

    public static string Root => Located.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
