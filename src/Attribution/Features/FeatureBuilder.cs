namespace Attribution.Features;

/// <summary>
/// Collects the hashed features of one sentence, then merges duplicates, L2-normalizes them and
/// appends the bias. Reused from sentence to sentence; records names and spans only when explaining.
/// </summary>
internal sealed class FeatureBuilder
{
    private readonly int _mask;
    private readonly int _bias;
    private int[] _indices = new int[1024];
    private float[] _values = new float[1024];
    private int _count;

    public FeatureBuilder(int hashBits, bool explain)
    {
        _mask = (1 << hashBits) - 1;
        _bias = 1 << hashBits;
        Origins = explain ? new List<FeatureOrigin>() : null;
    }

    /// <summary>Names and spans of the features added, or null when not explaining.</summary>
    public List<FeatureOrigin>? Origins { get; }

    public bool Explaining => Origins is not null;

    public void Clear()
    {
        _count = 0;
        Origins?.Clear();
    }

    public void Add(uint hash, float value)
    {
        if (_count == _indices.Length)
        {
            Array.Resize(ref _indices, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }
        _indices[_count] = (int)(hash & (uint)_mask);
        _values[_count] = value;
        _count++;
    }

    /// <summary>When explaining, records the name and span of the feature added last.</summary>
    public void NameLast(string name, int start, int length) =>
        Origins?.Add(new FeatureOrigin(_indices[_count - 1], name, start, length));

    /// <summary>The normalized vector of what was added, bias last.</summary>
    public FeatureVector Build()
    {
        Array.Sort(_indices, _values, 0, _count);
        int distinct = 0;
        for (int i = 0; i < _count; i++)
        {
            if (distinct > 0 && _indices[distinct - 1] == _indices[i])
                _values[distinct - 1] += _values[i];
            else
            {
                _indices[distinct] = _indices[i];
                _values[distinct] = _values[i];
                distinct++;
            }
        }
        double norm = 0;
        for (int i = 0; i < distinct; i++)
            norm += (double)_values[i] * _values[i];
        float scale = norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 0f;

        var indices = new int[distinct + 1];
        var values = new float[distinct + 1];
        for (int i = 0; i < distinct; i++)
        {
            indices[i] = _indices[i];
            values[i] = _values[i] * scale;
        }
        indices[distinct] = _bias;
        values[distinct] = 1f;
        return new FeatureVector(indices, values);
    }
}
