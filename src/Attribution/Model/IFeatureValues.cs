using Attribution.Features;

namespace Attribution.Model;

/// <summary>Reads the value of a feature slot of one sentence (0 when absent), for walking trees.</summary>
internal interface IFeatureValues
{
    float ValueOf(int slot);
}

/// <summary>The unnormalized values a builder holds, found through its index.</summary>
internal readonly struct BuilderValues(FeatureBuilder builder) : IFeatureValues
{
    public float ValueOf(int slot) => builder.ValueOf(slot);
}

/// <summary>The values of a stored vector, found by binary search of its sorted slots.</summary>
internal readonly struct VectorValues(FeatureVector vector) : IFeatureValues
{
    public float ValueOf(int slot)
    {
        int i = Array.BinarySearch(vector.Indices, slot);
        return i >= 0 ? vector.Values[i] : 0f;
    }
}
