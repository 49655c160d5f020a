using System.Reflection;
using Attribution.Hosting;

namespace Attribution.Tests.PublicApi;

/// <summary>
/// The public API of each package is written down in its project's PublicAPI.txt. A change to the
/// API fails here until the file is updated with it, so every change is seen in review.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string, string> Packages() => new()
    {
        { "Attribution", typeof(AttributionModel).Assembly.Location },
        { "Attribution.Hosting", typeof(AttributionModelProvider).Assembly.Location },
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_public_API_matches_the_tracked_file(string project, string assemblyPath)
    {
        string tracked = Path.Combine(RepositoryPaths.Root, "src", project, "PublicAPI.txt");
        string actual = PublicApiListing.Render(Assembly.LoadFrom(assemblyPath));
        string expected = File.Exists(tracked) ? File.ReadAllText(tracked).ReplaceLineEndings("\n") : "";
        if (actual == expected)
            return;

        // Leave the new listing beside the tracked one so that an intended change is one copy away.
        string received = Path.ChangeExtension(tracked, ".received.txt");
        File.WriteAllText(received, actual);
        var added = actual.Split('\n').Except(expected.Split('\n')).Take(20);
        var removed = expected.Split('\n').Except(actual.Split('\n')).Take(20);
        Assert.Fail($"The public API of {project} changed. If that is intended, copy {received} over {tracked}.\n" +
            $"Added:\n  {string.Join("\n  ", added)}\nRemoved:\n  {string.Join("\n  ", removed)}");
    }
}
