namespace Attribution.Features;

/// <summary>
/// Collects the hashed features of one sentence. Values accumulate in a dense array indexed by hash
/// slot, so duplicates merge as they arrive and a sentence costs no sorting and no allocation; only
/// the slots touched are visited again. Reused from sentence to sentence by one thread; records
/// names and spans only when explaining.
/// </summary>
internal sealed class FeatureBuilder
{
    private readonly int _mask;
    private readonly float[] _dense;
    private readonly bool[] _seen;
    private int[] _touched = new int[512];
    private int _count;
    private int _last;

    public FeatureBuilder(int hashBits)
    {
        _mask = (1 << hashBits) - 1;
        _dense = new float[1 << hashBits];
        _seen = new bool[1 << hashBits];
        Bias = 1 << hashBits;
    }

    /// <summary>Index of the bias feature, one past the last hash slot.</summary>
    public int Bias { get; }

    /// <summary>Names and spans of the features added since <see cref="Clear"/>, or null when not explaining.</summary>
    public List<FeatureOrigin>? Origins { get; private set; }

    public bool Explaining => Origins is not null;

    /// <summary>The distinct slots added since <see cref="Clear"/>, in the order first added.</summary>
    public ReadOnlySpan<int> Slots => _touched.AsSpan(0, _count);

    /// <summary>The summed (unnormalized) value of a slot.</summary>
    public float Value(int slot) => _dense[slot];

    /// <summary>Starts a new sentence; <paramref name="explain"/> records feature names and spans.</summary>
    public void Clear(bool explain = false)
    {
        foreach (int slot in Slots)
        {
            _dense[slot] = 0;
            _seen[slot] = false;
        }
        _count = 0;
        if (explain)
            (Origins ??= []).Clear();
        else
            Origins = null;
    }

    public void Add(uint hash, float value)
    {
        int slot = (int)(hash & (uint)_mask);
        if (!_seen[slot])
        {
            _seen[slot] = true;
            if (_count == _touched.Length)
                Array.Resize(ref _touched, _count * 2);
            _touched[_count++] = slot;
        }
        _dense[slot] += value;
        _last = slot;
    }

    /// <summary>When explaining, records the name and span of the feature added last.</summary>
    public void NameLast(string name, int start, int length) =>
        Origins?.Add(new FeatureOrigin(_last, name, start, length));

    /// <summary>The factor that gives the added features unit L2 norm (0 when nothing was added).</summary>
    public float Scale()
    {
        double norm = 0;
        foreach (int slot in Slots)
            norm += (double)_dense[slot] * _dense[slot];
        return norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 0f;
    }

    /// <summary>A stored copy of the normalized vector, slots sorted, bias last: what the trainers keep.</summary>
    public FeatureVector Build()
    {
        float scale = Scale();
        var indices = new int[_count + 1];
        var values = new float[_count + 1];
        Slots.CopyTo(indices);
        Array.Sort(indices, 0, _count);
        for (int i = 0; i < _count; i++)
            values[i] = _dense[indices[i]] * scale;
        indices[_count] = Bias;
        values[_count] = 1f;
        return new FeatureVector(indices, values);
    }
}
