using Attribution.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Attribution in a service collection.</summary>
public static class AttributionServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="AttributionModelProvider"/> (a singleton) and
    /// <see cref="Attribution.AttributionModel"/>, which resolves to the provider's current model.
    /// Options may also be bound from configuration with
    /// <c>services.Configure&lt;AttributionHostingOptions&gt;(section)</c>; they are validated when the
    /// provider is first resolved.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, or null for the shipped model.</param>
    public static IServiceCollection AddAttribution(this IServiceCollection services, Action<AttributionHostingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<AttributionHostingOptions> options = services.AddOptions<AttributionHostingOptions>();
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton<AttributionModelProvider>();
        services.TryAddTransient(provider => provider.GetRequiredService<AttributionModelProvider>().Model);
        return services;
    }

    /// <summary>Registers the model file at <paramref name="modelPath"/>, reloaded when it changes.</summary>
    public static IServiceCollection AddAttribution(this IServiceCollection services, string modelPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        return services.AddAttribution(o => o.ModelPath = modelPath);
    }
}
