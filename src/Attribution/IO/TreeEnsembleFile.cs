using System.Buffers.Binary;
using Attribution.Model;

namespace Attribution.IO;

/// <summary>
/// <c>trees.bin</c>, the parameters of a boosted-trees model: the magic <c>ATTRTRE1</c>, the number
/// of labels and of trees (int32), each label's initial score (float32), then per tree its label
/// and number of internal nodes m (int32), and the arrays feature, threshold, left, right, node
/// value (m each) and leaf value (m + 1). Little-endian. Reading checks every reference, so a damaged
/// file cannot send a walk outside the tree or round a cycle.
/// </summary>
internal static class TreeEnsembleFile
{
    public const string Entry = "trees.bin";
    private static readonly byte[] Magic = "ATTRTRE1"u8.ToArray();

    public static byte[] Write(TreeEnsemble ensemble)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(Magic);
        writer.Write(ensemble.Classes);
        writer.Write(ensemble.Trees.Count);
        foreach (float v in ensemble.Initial)
            writer.Write(v);
        foreach (RegressionTree tree in ensemble.Trees)
        {
            writer.Write(tree.Label);
            writer.Write(tree.InternalNodes);
            foreach (int v in tree.Feature)
                writer.Write(v);
            foreach (float v in tree.Threshold)
                writer.Write(v);
            foreach (int v in tree.Left)
                writer.Write(v);
            foreach (int v in tree.Right)
                writer.Write(v);
            foreach (float v in tree.NodeValue)
                writer.Write(v);
            foreach (float v in tree.LeafValue)
                writer.Write(v);
        }
        writer.Flush();
        return stream.ToArray();
    }

    /// <exception cref="ModelFormatException">The bytes are not a valid ensemble for these labels (null: any) and features.</exception>
    public static TreeEnsemble Read(byte[] bytes, int? classes, int dimension, double temperature, string source)
    {
        var reader = new Reader(bytes, source);
        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw Damaged(source, "it does not start with the trees magic");
        reader.Skip(Magic.Length);
        int labels = reader.Int();
        if (classes is { } expected ? labels != expected : labels is < 1 or > 100_000)
            throw Damaged(source, $"its number of labels {labels} does not match the manifest");
        int count = reader.Int();
        if (count < 0 || count > bytes.Length / 8)
            throw Damaged(source, $"it declares {count} trees");
        var initial = new float[labels];
        for (int k = 0; k < labels; k++)
            initial[k] = reader.Finite();
        var trees = new RegressionTree[count];
        for (int t = 0; t < count; t++)
        {
            int label = reader.Int();
            int m = reader.Int();
            if (label < 0 || label >= labels)
                throw Damaged(source, $"tree {t} adds to label {label}, which does not exist");
            // Each internal node takes 20 bytes and each leaf 4, so m is bounded by what is left.
            if (m < 0 || m > reader.Remaining / 24)
                throw Damaged(source, $"tree {t} declares {m} internal nodes");
            var feature = new int[m];
            var threshold = new float[m];
            var left = new int[m];
            var right = new int[m];
            var nodeValue = new float[m];
            var leafValue = new float[m + 1];
            for (int i = 0; i < m; i++)
                if ((feature[i] = reader.Int()) < 0 || feature[i] >= dimension)
                    throw Damaged(source, $"tree {t} splits on feature {feature[i]}, outside 0..{dimension - 1}");
            for (int i = 0; i < m; i++)
                threshold[i] = reader.Finite();
            for (int i = 0; i < m; i++)
                left[i] = Child(reader.Int(), i, m, t, source);
            for (int i = 0; i < m; i++)
                right[i] = Child(reader.Int(), i, m, t, source);
            for (int i = 0; i < m; i++)
                nodeValue[i] = reader.Finite();
            for (int i = 0; i <= m; i++)
                leafValue[i] = reader.Finite();
            CheckShape(left, right, t, source);
            trees[t] = new RegressionTree(label, feature, threshold, left, right, nodeValue, leafValue);
        }
        if (reader.Remaining != 0)
            throw Damaged(source, $"{reader.Remaining} bytes follow the last tree");
        return new TreeEnsemble(initial, trees, temperature);
    }

    /// <summary>
    /// Every node but the root, and every leaf, must be the child of exactly one node: forward
    /// references alone allow shared subtrees, whose walks the scorer would repeat without bound.
    /// </summary>
    private static void CheckShape(int[] left, int[] right, int tree, string source)
    {
        int m = left.Length;
        var nodeParents = new byte[m];
        var leafParents = new byte[m + 1];
        foreach (int child in left.Concat(right))
        {
            ref byte parents = ref child >= 0 ? ref nodeParents[child] : ref leafParents[~child];
            if (++parents > 1)
                throw Damaged(source, $"tree {tree} reaches {(child >= 0 ? $"node {child}" : $"leaf {~child}")} twice");
        }
        if (m > 0 && (nodeParents.AsSpan(1).Contains((byte)0) || leafParents.AsSpan().Contains((byte)0)))
            throw Damaged(source, $"tree {tree} has a node or leaf that no node reaches");
    }

    // A child is a later internal node or a leaf, so every walk moves forward and ends.
    private static int Child(int child, int node, int m, int tree, string source) =>
        (child >= 0 ? child > node && child < m : ~child <= m)
            ? child
            : throw Damaged(source, $"tree {tree}, node {node} has a child reference {child} outside the tree");

    private static ModelFormatException Damaged(string source, string why) =>
        new($"{source}: {Entry} is not valid: {why}");

    private struct Reader(byte[] bytes, string source)
    {
        private int _at;

        public readonly int Remaining => bytes.Length - _at;

        public void Skip(int count) => _at += count;

        public int Int()
        {
            if (Remaining < 4)
                throw Damaged(source, "it ends early");
            int v = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(_at));
            _at += 4;
            return v;
        }

        public float Finite()
        {
            if (Remaining < 4)
                throw Damaged(source, "it ends early");
            float v = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(_at));
            _at += 4;
            return float.IsFinite(v) ? v : throw Damaged(source, "it holds a non-finite value");
        }
    }
}
