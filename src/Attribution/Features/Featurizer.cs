using Attribution.Text;

namespace Attribution.Features;

/// <summary>
/// Turns a sentence and the one or two sentences before it in the same document into a sparse,
/// hashed, L2-normalized vector. Stateless apart from its options, so one instance serves all
/// threads; the caller owns the reusable buffers.
/// </summary>
internal sealed class Featurizer
{
    private const string Start = "<s>";
    private const string End = "</s>";

    private readonly FeaturizerOptions _options;

    public Featurizer(FeaturizerOptions options)
    {
        options.Validate();
        _options = options;
    }

    public FeaturizerOptions Options => _options;

    /// <summary>Number of weights per label: every hash slot plus the bias.</summary>
    public int Dimension => (1 << _options.HashBits) + 1;

    /// <summary>
    /// Adds the features of the current sentence of <paramref name="context"/> and of the sentences
    /// before it to <paramref name="builder"/>. Offsets place evidence spans in document coordinates
    /// and matter only when the builder explains.
    /// </summary>
    public void Featurize(in SentenceContext context, FeatureBuilder builder)
    {
        CuedSentence cued = context.Current;
        TokenizedSentence current = cued.Tokens;
        AddWords(current, FeatureFamily.Word, 1f, context.CurrentOffset, builder);
        AddBigrams(current, context.CurrentOffset, builder);
        if (_options.CharNgramMax > 0 && _options.CharNgramWeight > 0)
            AddCharNgrams(current, context.CurrentOffset, builder);
        AddShape(current, context.Index, context.CurrentOffset, builder);
        AddCueWindows(cued, FeatureFamily.CueAfter, FeatureFamily.CueBefore, 1f, context.CurrentOffset, builder);

        if (_options.ContextSentences == 0)
            return;
        bool carries = CarryCues.Carries(current, context.Previous1?.Tokens);
        if (carries)
            AddShapeFlag("carry", builder, context.CurrentOffset, current.Length);

        float plain = _options.ContextWeight, carried = _options.CarriedWeight;
        if (context.Previous1 is { } p1)
        {
            AddWords(p1.Tokens, FeatureFamily.Previous1, plain * 0.5f, context.Previous1Offset, builder);
            AddCueWindows(p1, FeatureFamily.Previous1Cue, FeatureFamily.Previous1Cue, plain, context.Previous1Offset, builder);
            if (carries)
            {
                AddWords(p1.Tokens, FeatureFamily.Carried1, carried * 0.3f, context.Previous1Offset, builder);
                AddCueWindows(p1, FeatureFamily.Carried1Cue, FeatureFamily.Carried1Cue, carried, context.Previous1Offset, builder);
            }
        }
        if (_options.ContextSentences > 1 && context.Previous2 is { } p2)
        {
            AddCueWindows(p2, FeatureFamily.Previous2Cue, FeatureFamily.Previous2Cue, plain * 0.5f, context.Previous2Offset, builder);
            if (carries)
                AddCueWindows(p2, FeatureFamily.Carried2Cue, FeatureFamily.Carried2Cue, carried * 0.5f, context.Previous2Offset, builder);
        }
    }

    /// <summary>
    /// The words around each reporting cue: up to <see cref="ReportingCues.WindowAfter"/> after it and
    /// <see cref="ReportingCues.WindowBefore"/> before it, each once per sentence and family.
    /// </summary>
    private static void AddCueWindows(CuedSentence cued, FeatureFamily after, FeatureFamily before, float value, int offset, FeatureBuilder builder)
    {
        TokenizedSentence sentence = cued.Tokens;
        ReadOnlySpan<Token> tokens = sentence.Tokens;
        foreach (int i in cued.Cues)
        {
            // The cue's own text is kept only for explanations.
            string? cue = builder.Explaining ? sentence.Text.Slice(tokens[i].SourceStart, tokens[i].SourceLength).ToString() : null;
            for (int j = i + 1; j < tokens.Length && j <= i + ReportingCues.WindowAfter; j++)
                AddToken(sentence, tokens[j], tokens[i], cue, after, value, offset, builder);
            for (int j = Math.Max(0, i - ReportingCues.WindowBefore); j < i; j++)
                AddToken(sentence, tokens[j], tokens[i], cue, before, value, offset, builder);
        }
    }

    private static void AddToken(TokenizedSentence sentence, in Token token, in Token cueToken, string? cue, FeatureFamily family, float value, int offset, FeatureBuilder builder)
    {
        if (token.Kind is not (TokenKind.Word or TokenKind.Number))
            return;
        ReadOnlySpan<char> norm = sentence.Normalized(token);
        builder.Add(FeatureHash.Finish(FeatureHash.Add(FeatureHash.Start(family), norm)), value);
        if (cue is not null)
            builder.NameLast($"{Prefix(family)}{norm}", offset + token.SourceStart, token.SourceLength, offset + cueToken.SourceStart, cueToken.SourceLength, cue);
    }

    private static void AddWords(TokenizedSentence sentence, FeatureFamily family, float value, int offset, FeatureBuilder builder)
    {
        uint seed = FeatureHash.Start(family);
        foreach (Token token in sentence.Tokens)
        {
            ReadOnlySpan<char> norm = sentence.Normalized(token);
            builder.Add(FeatureHash.Finish(FeatureHash.Add(seed, norm)), value);
            if (builder.Explaining)
                builder.NameLast($"{Prefix(family)}{norm}", offset + token.SourceStart, token.SourceLength);
        }
    }

    private static void AddBigrams(TokenizedSentence sentence, int offset, FeatureBuilder builder)
    {
        uint seed = FeatureHash.Start(FeatureFamily.Bigram);
        ReadOnlySpan<Token> tokens = sentence.Tokens;
        for (int i = 0; i <= tokens.Length; i++)
        {
            ReadOnlySpan<char> left = i == 0 ? Start : sentence.Normalized(tokens[i - 1]);
            ReadOnlySpan<char> right = i == tokens.Length ? End : sentence.Normalized(tokens[i]);
            uint hash = FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(seed, left), ' '), right);
            builder.Add(FeatureHash.Finish(hash), 1f);
            if (builder.Explaining)
            {
                int from = i == 0 ? (tokens.Length > 0 ? tokens[0].SourceStart : 0) : tokens[i - 1].SourceStart;
                int to = i == tokens.Length
                    ? (tokens.Length > 0 ? tokens[^1].SourceStart + tokens[^1].SourceLength : 0)
                    : tokens[i].SourceStart + tokens[i].SourceLength;
                builder.NameLast($"b:{left} {right}", offset + from, Math.Max(0, to - from));
            }
        }
    }

    private void AddCharNgrams(TokenizedSentence sentence, int offset, FeatureBuilder builder)
    {
        uint seed = FeatureHash.Start(FeatureFamily.CharNgram);
        int min = _options.CharNgramMin, max = _options.CharNgramMax;
        float value = _options.CharNgramWeight;
        Span<char> padded = stackalloc char[66];
        foreach (Token token in sentence.Tokens)
        {
            if (token.Kind != TokenKind.Word)
                continue;
            ReadOnlySpan<char> norm = sentence.Normalized(token);
            if (norm.Length > 64)
                norm = norm[..64];
            // Word boundaries marked as in fastText, so prefixes and suffixes are their own n-grams.
            padded[0] = '<';
            norm.CopyTo(padded[1..]);
            padded[norm.Length + 1] = '>';
            int length = norm.Length + 2;
            for (int i = 0; i < length; i++)
            {
                uint hash = seed;
                for (int n = 1; n <= max && i + n <= length; n++)
                {
                    hash = FeatureHash.Add(hash, padded[i + n - 1]);
                    if (n < min || n == length)
                        continue;
                    builder.Add(FeatureHash.Finish(hash), value);
                    if (builder.Explaining)
                        builder.NameLast($"c:{padded.Slice(i, n)}", offset + token.SourceStart, token.SourceLength);
                }
            }
        }
    }

    private static void AddShape(TokenizedSentence sentence, int index, int offset, FeatureBuilder builder)
    {
        int length = sentence.Length;
        AddShapeFlag(index switch { 0 => "first", 1 => "second", < 5 => "early", _ => "later" }, builder, offset, 0);
        int count = sentence.Count;
        AddShapeFlag(count switch { < 4 => "len<4", < 8 => "len<8", < 16 => "len<16", < 32 => "len<32", _ => "len>=32" }, builder, offset, 0);
        ReadOnlySpan<char> trimmed = sentence.Text.TrimEnd();
        char last = trimmed.Length > 0 ? trimmed[^1] : '\0';
        if (last is not ('.' or '!' or '?' or '…' or ')') && !CharFolding.IsDoubleQuote(last))
            AddShapeFlag("noend", builder, offset, length);
        int quotes = 0;
        foreach (Token token in sentence.Tokens)
            if (token.Kind == TokenKind.Quote)
                quotes++;
        if (quotes > 0)
            AddShapeFlag(quotes > 1 ? "quotes" : "quote", builder, offset, length);
    }

    private static void AddShapeFlag(string flag, FeatureBuilder builder, int start, int length)
    {
        builder.Add(FeatureHash.Finish(FeatureHash.Add(FeatureHash.Start(FeatureFamily.Shape), flag)), 1f);
        if (builder.Explaining)
            builder.NameLast("s:" + flag, start, length);
    }

    private static string Prefix(FeatureFamily family) => family switch
    {
        FeatureFamily.Word => "w:",
        FeatureFamily.Previous1 => "p1:",
        FeatureFamily.Previous2 => "p2:",
        FeatureFamily.Carried1 => "k1:",
        FeatureFamily.Carried2 => "k2:",
        FeatureFamily.CueAfter => "ra:",
        FeatureFamily.CueBefore => "rb:",
        FeatureFamily.Previous1Cue => "p1r:",
        FeatureFamily.Previous2Cue => "p2r:",
        FeatureFamily.Carried1Cue => "k1r:",
        FeatureFamily.Carried2Cue => "k2r:",
        _ => "?:",
    };
}
