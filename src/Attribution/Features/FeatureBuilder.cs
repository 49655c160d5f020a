namespace Attribution.Features;

/// <summary>
/// Collects the hashed features of one sentence, merging duplicates as they arrive. The distinct
/// features sit in two short parallel arrays (slots and summed values) found through a small
/// open-addressing index, so everything a sentence touches stays in the first-level cache: no
/// sorting, no allocation, no pass over the 2^bits hash space. Reused from sentence to sentence
/// by one thread; records names and spans only when explaining.
/// </summary>
internal sealed class FeatureBuilder
{
    private readonly int _mask;
    private int[] _index = new int[2048];
    private int _shift = 32 - 11;
    private int[] _slots = new int[1024];
    private float[] _values = new float[1024];
    private int[] _where = new int[1024];
    private int _count;
    private int _last;

    public FeatureBuilder(int hashBits)
    {
        _mask = (1 << hashBits) - 1;
        Bias = 1 << hashBits;
    }

    /// <summary>Index of the bias feature, one past the last hash slot.</summary>
    public int Bias { get; }

    /// <summary>Names and spans of the features added since <see cref="Clear"/>, or null when not explaining.</summary>
    public List<FeatureOrigin>? Origins { get; private set; }

    public bool Explaining => Origins is not null;

    /// <summary>The distinct slots added since <see cref="Clear"/>, in the order first added.</summary>
    public ReadOnlySpan<int> Slots => _slots.AsSpan(0, _count);

    /// <summary>The summed (unnormalized) value of each slot of <see cref="Slots"/>.</summary>
    public ReadOnlySpan<float> Values => _values.AsSpan(0, _count);

    /// <summary>Starts a new sentence; <paramref name="explain"/> records feature names and spans.</summary>
    public void Clear(bool explain = false)
    {
        foreach (int i in _where.AsSpan(0, _count))
            _index[i] = 0;
        _count = 0;
        if (explain)
            (Origins ??= []).Clear();
        else
            Origins = null;
    }

    public void Add(uint hash, float value)
    {
        int slot = (int)(hash & (uint)_mask);
        int indexMask = _index.Length - 1;
        int i = Start(slot);
        while (true)
        {
            int entry = _index[i];
            if (entry == 0)
                break;
            if (_slots[entry - 1] == slot)
            {
                _values[entry - 1] += value;
                _last = slot;
                return;
            }
            i = (i + 1) & indexMask;
        }
        if (_count == _slots.Length)
        {
            Array.Resize(ref _slots, _count * 2);
            Array.Resize(ref _values, _count * 2);
            Array.Resize(ref _where, _count * 2);
        }
        _where[_count] = i;
        _slots[_count] = slot;
        _values[_count] = value;
        _index[i] = ++_count;
        _last = slot;
        if (_count * 2 > _index.Length)
            GrowIndex();
    }

    /// <summary>When explaining, records the name and span of the feature added last.</summary>
    public void NameLast(string name, int start, int length) =>
        Origins?.Add(new FeatureOrigin(_last, name, start, length));

    /// <summary>When explaining, records the feature added last as a word in the window of the cue at <paramref name="cueStart"/>.</summary>
    public void NameLast(string name, int start, int length, int cueStart, int cueLength, string cueText) =>
        Origins?.Add(new FeatureOrigin(_last, name, start, length, cueStart, cueLength, cueText));

    /// <summary>The factor that gives the added features unit L2 norm (0 when nothing was added).</summary>
    public float Scale()
    {
        double norm = 0;
        foreach (float v in Values)
            norm += (double)v * v;
        return norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 0f;
    }

    /// <summary>The summed value of one slot (0 when it was not added), found through the index.</summary>
    public float ValueOf(int slot)
    {
        int indexMask = _index.Length - 1;
        for (int i = Start(slot); _index[i] != 0; i = (i + 1) & indexMask)
            if (_slots[_index[i] - 1] == slot)
                return _values[_index[i] - 1];
        return 0f;
    }

    /// <summary>A stored copy of the vector, slots sorted, bias last: what the trainers keep. Linear models keep it normalized, trees not.</summary>
    public FeatureVector Build(bool normalize = true)
    {
        float scale = normalize ? Scale() : 1f;
        var indices = new int[_count + 1];
        var values = new float[_count + 1];
        Slots.CopyTo(indices);
        Values.CopyTo(values);
        Array.Sort(indices, values, 0, _count);
        for (int i = 0; i < _count; i++)
            values[i] *= scale;
        indices[_count] = Bias;
        values[_count] = 1f;
        return new FeatureVector(indices, values);
    }

    private void GrowIndex()
    {
        _index = new int[_index.Length * 2];
        _shift--;
        for (int position = 0; position < _count; position++)
        {
            int i = Start(_slots[position]);
            while (_index[i] != 0)
                i = (i + 1) & (_index.Length - 1);
            _index[i] = position + 1;
            _where[position] = i;
        }
    }

    // Fibonacci hashing: slots that differ in low bits land far apart in the index. The top bits are
    // taken, as many as the index needs: a fixed shift left a huge sentence's index mostly unused,
    // with clusters that made adding quadratic.
    private int Start(int slot) => (int)((uint)slot * 0x9E3779B1u >> _shift);
}
