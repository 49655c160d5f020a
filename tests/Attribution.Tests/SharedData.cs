namespace Attribution.Tests;

/// <summary>
/// Locates the project's read-only <c>shared</c> folder (seeds, eval sets, corpora), which tests
/// read at run time instead of copying its text into the repository.
/// </summary>
/// <remarks>
/// The folder is <c>$ATTRIBUTION_SHARED</c> when set; otherwise the first <c>shared</c> folder that
/// contains <c>eval</c>, found next to the test binaries' directory or one of its ancestors (the
/// repository lives in <c>work/main</c> and the data in <c>work/shared</c>).
/// </remarks>
internal static class SharedData
{
    private static readonly Lazy<string> Located = new(Locate);

    /// <summary>True when the shared folder can be found.</summary>
    public static bool Available
    {
        get
        {
            try
            {
                return Located.Value.Length > 0;
            }
            catch (DirectoryNotFoundException)
            {
                return false;
            }
        }
    }

    /// <summary>Absolute path of the shared folder; throws if it cannot be found.</summary>
    public static string Root => Located.Value;

    /// <summary>Absolute path of <paramref name="parts"/> under <see cref="Root"/>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("ATTRIBUTION_SHARED");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!Directory.Exists(System.IO.Path.Combine(fromEnvironment, "eval")))
            {
                throw new DirectoryNotFoundException(
                    $"ATTRIBUTION_SHARED is '{fromEnvironment}', which has no 'eval' folder.");
            }

            return System.IO.Path.GetFullPath(fromEnvironment);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "eval")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No 'shared/eval' folder found above {AppContext.BaseDirectory}; set ATTRIBUTION_SHARED.");
    }
}
