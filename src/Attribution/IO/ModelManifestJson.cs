using System.Text.Json.Serialization;

namespace Attribution.IO;

/// <summary>
/// The manifest's JSON contract for writing, generated at compile time (no reflection). Reading
/// maps the fields by hand (<see cref="ManifestReader"/>) to keep model loading fast.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ModelManifest))]
internal sealed partial class ModelManifestJson : JsonSerializerContext;
