using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Attribution.Features;

namespace Attribution.Model;

/// <summary>
/// The weights of a linear multiclass model, feature-major so that scoring a sparse vector reads
/// each feature's weights for all labels from one place. Each feature's row is padded to a whole
/// number of SIMD vectors and rows start aligned, so a feature costs one or two vector loads and
/// multiply-adds; the arrays are pinned so the alignment holds. Immutable after construction.
/// </summary>
internal sealed class LinearModel : ModelParameters
{
    private readonly float[] _storage;
    private readonly int _offset;
    private readonly int _stride;

    /// <param name="classes">Number of labels.</param>
    /// <param name="dimension">Number of features, bias included.</param>
    /// <param name="weights">Feature-major weights.</param>
    /// <param name="temperature">Scores are divided by it before the softmax (1: as trained).</param>
    public LinearModel(int classes, int dimension, ReadOnlySpan<float> weights, double temperature = 1)
        : base(classes, temperature)
    {
        if (weights.Length != (long)classes * dimension)
            throw new ArgumentException($"Expected {(long)classes * dimension} weights, got {weights.Length}.", nameof(weights));
        Dimension = dimension;
        int lanes = Vector<float>.Count;
        _stride = (classes + lanes - 1) / lanes * lanes;
        // Uninitialized: every row is written below, its padding included (zeros, which add nothing).
        _storage = GC.AllocateUninitializedArray<float>(checked(dimension * _stride + lanes), pinned: true);
        _offset = AlignedOffset(_storage, lanes * sizeof(float));
        for (int f = 0; f < dimension; f++)
        {
            Span<float> row = _storage.AsSpan(_offset + f * _stride, _stride);
            weights.Slice(f * classes, classes).CopyTo(row);
            row[classes..].Clear();
        }
    }

    public int Dimension { get; }

    public override bool Normalized => true;

    public override ModelParameters WithTemperature(double temperature) => new LinearModel(Classes, Dimension, CopyWeights(), temperature);

    public float Weight(int feature, int label) => _storage[_offset + feature * _stride + label];

    /// <summary>The weights unpadded, feature-major, as the model file stores them.</summary>
    public float[] CopyWeights()
    {
        var weights = new float[(long)Dimension * Classes];
        for (int f = 0; f < Dimension; f++)
            _storage.AsSpan(_offset + f * _stride, Classes).CopyTo(weights.AsSpan(f * Classes));
        return weights;
    }

    public override void Scores(FeatureVector x, Span<double> scores)
    {
        Span<Vector<float>> sums = stackalloc Vector<float>[_stride / Vector<float>.Count];
        sums.Clear();
        for (int j = 0; j < x.Count; j++)
            Accumulate(x.Indices[j], x.Values[j], sums);
        Finish(sums, scores);
    }

    public override void Scores(FeatureBuilder x, Span<double> scores)
    {
        Span<Vector<float>> sums = stackalloc Vector<float>[_stride / Vector<float>.Count];
        sums.Clear();
        float scale = x.Scale();
        ReadOnlySpan<int> slots = x.Slots;
        ReadOnlySpan<float> values = x.Values;
        // Rows are scattered over megabytes of weights; asking for them a few features ahead
        // overlaps the cache misses instead of paying them one after another.
        const int Ahead = 8;
        for (int j = 0; j < slots.Length; j++)
        {
            if (j + Ahead < slots.Length)
                Prefetch(slots[j + Ahead]);
            Accumulate(slots[j], values[j] * scale, sums);
        }
        Accumulate(x.Bias, 1f, sums);
        Finish(sums, scores);
    }

    /// <summary>A slot's contribution is its normalized value times its weight for the label minus its mean weight.</summary>
    public override void Contributions(FeatureBuilder x, int label, Dictionary<int, double> bySlot)
    {
        float scale = x.Scale();
        ReadOnlySpan<int> slots = x.Slots;
        ReadOnlySpan<float> values = x.Values;
        for (int j = 0; j < slots.Length; j++)
        {
            double mean = 0;
            for (int k = 0; k < Classes; k++)
                mean += Weight(slots[j], k);
            mean /= Classes;
            bySlot[slots[j]] = bySlot.GetValueOrDefault(slots[j]) + values[j] * scale * (Weight(slots[j], label) - mean);
        }
    }

    private void Accumulate(int feature, float value, Span<Vector<float>> sums)
    {
        ReadOnlySpan<Vector<float>> row = MemoryMarshal.Cast<float, Vector<float>>(_storage.AsSpan(_offset + feature * _stride, _stride));
        var v = new Vector<float>(value);
        for (int c = 0; c < row.Length; c++)
            sums[c] += v * row[c];
    }

    private unsafe void Prefetch(int feature)
    {
        if (Sse.IsSupported)
            Sse.Prefetch0(Unsafe.AsPointer(ref _storage[_offset + feature * _stride]));
    }

    private void Finish(ReadOnlySpan<Vector<float>> sums, Span<double> scores)
    {
        ReadOnlySpan<float> sum = MemoryMarshal.Cast<Vector<float>, float>(sums);
        for (int k = 0; k < Classes; k++)
            scores[k] = sum[k];
    }

    // The array lives on the pinned object heap, so its address never changes after this check.
    private static int AlignedOffset(float[] pinned, int alignment)
    {
        GCHandle handle = GCHandle.Alloc(pinned, GCHandleType.Pinned);
        try
        {
            long misalignment = (long)handle.AddrOfPinnedObject() % alignment;
            return misalignment == 0 ? 0 : (int)((alignment - misalignment) / sizeof(float));
        }
        finally
        {
            handle.Free();
        }
    }
}
