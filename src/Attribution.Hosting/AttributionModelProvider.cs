using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attribution.Hosting;

/// <summary>
/// Holds the one model a host shares between threads, and replaces it when its file changes. A
/// reload reads the whole new file before the swap, so <see cref="Model"/> always returns a model
/// that was loaded completely; a file that fails to load is logged and the previous model stays.
/// </summary>
public sealed class AttributionModelProvider : IDisposable
{
    private readonly AttributionHostingOptions _options;
    private readonly ILogger _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer? _reloadTimer;
    private readonly object _reloadGate = new();
    private AttributionModel _model;
    private bool _disposed;

    /// <summary>Loads the model the options name; throws if it cannot be loaded. Without a logger, nothing is logged.</summary>
    /// <exception cref="FileNotFoundException">The model file does not exist.</exception>
    /// <exception cref="ModelFormatException">The model file is damaged or not a model.</exception>
    public AttributionModelProvider(IOptions<AttributionHostingOptions> options, ILogger<AttributionModelProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _options.Validate();
        _logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _model = Load();
        if (_options.ModelPath is not null && _options.WatchForChanges)
        {
            string path = Path.GetFullPath(_options.ModelPath);
            _reloadTimer = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
            _watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
            };
            // Saves write beside the file and rename over it, copies rewrite it in place: both end here.
            _watcher.Changed += (_, _) => ScheduleReload();
            _watcher.Created += (_, _) => ScheduleReload();
            _watcher.Renamed += (_, _) => ScheduleReload();
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>The current model: thread-safe; read it for each piece of work to follow reloads.</summary>
    public AttributionModel Model => Volatile.Read(ref _model);

    /// <summary>Raised after a reload has replaced <see cref="Model"/>.</summary>
    public event EventHandler? Reloaded;

    /// <summary>Reloads the model file now, as a change on disk would.</summary>
    /// <returns>True when the new model replaced the old one; false when it failed to load (logged).</returns>
    public bool Reload()
    {
        lock (_reloadGate)
        {
            if (_disposed)
                return false;
            try
            {
                Volatile.Write(ref _model, Load());
            }
            catch (Exception e) when (e is ModelFormatException or IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning(e, "Attribution model {Source} could not be reloaded; the previous model stays in service", Source);
                return false;
            }
        }
        Reloaded?.Invoke(this, EventArgs.Empty);
        return true;
    }

    /// <summary>Stops watching the model file.</summary>
    public void Dispose()
    {
        lock (_reloadGate)
            _disposed = true;
        _watcher?.Dispose();
        _reloadTimer?.Dispose();
    }

    private string Source => _options.ModelPath ?? "(shipped model)";

    private void ScheduleReload()
    {
        // Each change restarts the delay: the reload happens once the file has been quiet that long.
        try
        {
            _reloadTimer?.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private AttributionModel Load()
    {
        _logger.LogInformation("Loading attribution model {Source}", Source);
        var clock = Stopwatch.StartNew();
        AttributionModel model = _options.ModelPath is null ? AttributionModel.LoadDefault() : AttributionModel.Load(_options.ModelPath);
        _logger.LogInformation("Loaded attribution model {Source} in {Milliseconds} ms: {Trainer}, labels {Labels}",
            Source, clock.ElapsedMilliseconds, model.Manifest.Trainer, string.Join(", ", model.Labels));
        return model;
    }
}
