using Attribution.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attribution.Tests.Hosting;

public sealed class HostingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("attribution-hosting-").FullName;
    private readonly ListLogger<AttributionModelProvider> _logger = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ServiceProvider Services(Action<IServiceCollection> add)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILogger<AttributionModelProvider>>(_logger);
        add(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddAttribution_shares_one_model_loaded_once_and_logged()
    {
        using ServiceProvider services = Services(s => s.AddAttribution());
        var provider = services.GetRequiredService<AttributionModelProvider>();

        Assert.Same(provider, services.GetRequiredService<AttributionModelProvider>());
        Assert.Same(provider.Model, services.GetRequiredService<AttributionModel>());
        Assert.Equal(AttributionModel.LoadDefault().Labels, provider.Model.Labels);
        Assert.Equal("OSDH", provider.Model.Predict("Selon l'OSDH, douze civils ont été tués.").Label);
        Assert.Single(_logger.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Loaded attribution model (shipped model) in ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_logger_is_optional()
    {
        var services = new ServiceCollection().AddAttribution();
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.NotEmpty(provider.GetRequiredService<AttributionModel>().Labels);
    }

    [Fact]
    public async Task A_model_file_saved_over_is_reloaded_and_served_and_the_reload_is_logged()
    {
        string path = Path.Combine(_folder, "model.zip");
        AttributionModel.LoadDefault().Save(path);
        using ServiceProvider services = Services(s => s.AddAttribution(o => { o.ModelPath = path; o.ReloadDelay = TimeSpan.FromMilliseconds(50); }));
        var provider = services.GetRequiredService<AttributionModelProvider>();
        AttributionModel before = services.GetRequiredService<AttributionModel>();
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Reloaded += (_, _) => reloaded.TrySetResult();

        AttributionModel other = TestCorpus.ThreeLabelModel();
        other.Save(path);
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(other.Labels, provider.Model.Labels);
        Assert.Equal(other.Labels, services.GetRequiredService<AttributionModel>().Labels);
        Assert.NotEqual(before.Labels, provider.Model.Labels);
        Assert.Equal(2, _logger.Entries.Count(e => e.Message.StartsWith($"Loaded attribution model {path} in ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_damaged_file_is_logged_and_the_previous_model_stays_in_service()
    {
        string path = Path.Combine(_folder, "model.zip");
        AttributionModel.LoadDefault().Save(path);
        using ServiceProvider services = Services(s => s.AddAttribution(o => { o.ModelPath = path; o.WatchForChanges = false; }));
        var provider = services.GetRequiredService<AttributionModelProvider>();
        AttributionModel before = provider.Model;

        File.WriteAllBytes(path, File.ReadAllBytes(path)[..1000]);
        Assert.False(provider.Reload());

        Assert.Same(before, provider.Model);
        var warning = Assert.Single(_logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("could not be reloaded; the previous model stays in service", warning.Message);
        Assert.IsType<ModelFormatException>(warning.Exception);
    }

    [Fact]
    public void A_missing_model_file_or_an_empty_path_fails_at_resolution_with_a_clear_error()
    {
        using ServiceProvider missing = Services(s => s.AddAttribution(Path.Combine(_folder, "none.zip")));
        var error = Assert.Throws<FileNotFoundException>(() => missing.GetRequiredService<AttributionModel>());
        Assert.Contains("none.zip", error.Message);

        using ServiceProvider empty = Services(s => s.AddAttribution(o => o.ModelPath = " "));
        Assert.Throws<ArgumentException>(() => empty.GetRequiredService<AttributionModelProvider>());
    }

    [Fact]
    public void Scoring_progress_is_logged_at_most_once_per_interval()
    {
        var logger = new ListLogger<HostingTests>();
        IProgress<ScoringProgress> progress = logger.ScoringProgress(TimeSpan.FromSeconds(10));
        for (int second = 0; second <= 25; second++)
            progress.Report(new ScoringProgress(second * 10, second * 100, 0, second / 25.0, TimeSpan.FromSeconds(second), second * 100));

        Assert.Equal(3, logger.Entries.Count);
        Assert.Equal("Scoring: 200 documents, 2000 sentences, 0 errors, 80 % read, 100 sentences/s", logger.Entries.ElementAt(2).Message);
    }
}
