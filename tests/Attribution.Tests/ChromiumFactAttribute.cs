namespace Attribution.Tests;

/// <summary>
/// A fact that needs headless Chromium (Debian's <c>chromium</c> package, which <c>.ci/run</c>
/// installs when it can). Where no browser is on the PATH it is reported as skipped, not failed.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Marks the test skipped when no Chromium executable is found.</summary>
    public ChromiumFactAttribute()
    {
        if (Browser is null)
            Skip = "chromium not found on PATH";
    }

    /// <summary>Full path of the Chromium executable, or null.</summary>
    public static string? Browser { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .SelectMany(dir => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => Path.Combine(dir, name)))
        .FirstOrDefault(File.Exists);
}
