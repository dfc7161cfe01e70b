using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace DoJ.Portal.Search;

/// <summary>
/// The words of one text as <see cref="VietnameseAnalyzer"/> gives them for a word field (each folded term, its position
/// increment and offsets, and the state at the end: final offset and trailing skipped positions), read once and replayed
/// into every field built from that text: its own field, <see cref="SearchQueryBuilder.All"/> and a pair field. Each
/// replay gives the index exactly the tokens the analyzer gives for that field, so the index is the same as when each
/// field analysed the text itself (three tokenizations and foldings of every text, and Lucene's <c>ShingleFilter</c>
/// copying every token's attributes twice, were two thirds of a rebuild's CPU).
/// </summary>
internal sealed class AnalyzedText
{
    private char[] chars;
    private int[] termEnds;
    private int[] increments;
    private int[] starts;
    private int[] ends;

    private AnalyzedText(int capacity, int charCapacity)
    {
        chars = new char[charCapacity];
        termEnds = new int[capacity];
        increments = new int[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
    }

    /// <summary>How many words the text has.</summary>
    public int Count { get; private set; }

    /// <summary>The offset and position increment of the stream's end state (words skipped at the end leave an increment).</summary>
    public int FinalStartOffset { get; private set; }

    public int FinalEndOffset { get; private set; }

    public int FinalIncrement { get; private set; }

    /// <summary>Analyses <paramref name="text"/> once, as a word field (<see cref="SearchQueryBuilder.Body"/>) would.</summary>
    public static AnalyzedText Of(Analyzer analyzer, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(text);
        var analyzed = new AnalyzedText(Math.Max(4, text.Length / 5), Math.Max(16, text.Length));
        using var stream = analyzer.GetTokenStream(SearchQueryBuilder.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            analyzed.Add(term.Buffer, term.Length, increment.PositionIncrement, offset.StartOffset, offset.EndOffset);
        }

        stream.End();
        analyzed.FinalStartOffset = offset.StartOffset;
        analyzed.FinalEndOffset = offset.EndOffset;
        analyzed.FinalIncrement = increment.PositionIncrement;
        return analyzed;
    }

    /// <summary>
    /// The attributes (term, position increment, offsets) that the replays of one document share: creating them for each
    /// field took a global lock in Lucene and a fifth of the indexing threads' time. Lucene reads a document's fields one
    /// after the other, each stream to its end, so the replays of one document never run at the same time; never share one
    /// between two documents that may be added at once.
    /// </summary>
    public static AttributeSource NewAttributes()
    {
        var attributes = new AttributeSource();
        attributes.AddAttribute<ICharTermAttribute>();
        attributes.AddAttribute<IPositionIncrementAttribute>();
        attributes.AddAttribute<IOffsetAttribute>();
        return attributes;
    }

    /// <summary>The words again, as the analyzer gives them for a word field (its own field, <see cref="SearchQueryBuilder.All"/>).</summary>
    public TokenStream Words(AttributeSource attributes) => new WordReplay(this, attributes);

    /// <summary>
    /// Each two adjacent words joined by <see cref="VietnameseAnalyzer.PairSeparator"/>, as the analyzer's <c>ShingleFilter</c>
    /// (2 words, no single words, an empty filler word) gives them for a pair field: a gap left by skipped words is one empty
    /// word, so is a gap at the end; a pair's offsets span its two words; every pair is one position after the last.
    /// </summary>
    public TokenStream Pairs(AttributeSource attributes) => new PairReplay(this, attributes);

    private int TermStart(int index) => index == 0 ? 0 : termEnds[index - 1];

    private void Add(char[] buffer, int length, int increment, int start, int end)
    {
        if (Count == termEnds.Length)
        {
            var capacity = Count * 2;
            Array.Resize(ref termEnds, capacity);
            Array.Resize(ref increments, capacity);
            Array.Resize(ref starts, capacity);
            Array.Resize(ref ends, capacity);
        }

        var from = TermStart(Count);
        if (from + length > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(chars.Length * 2, from + length));
        }

        Array.Copy(buffer, 0, chars, from, length);
        termEnds[Count] = from + length;
        increments[Count] = increment;
        starts[Count] = start;
        ends[Count] = end;
        Count++;
    }

    /// <summary>
    /// A replay sets every attribute of each token (so it needs no <c>ClearAttributes</c>, which cost as much as the rest of
    /// the replay), and restores the end state as the analyzed stream's <c>End()</c> left it.
    /// </summary>
    private abstract class Replay : TokenStream
    {
        protected Replay(AnalyzedText text, AttributeSource attributes)
            : base(attributes)
        {
            Text = text;
            Term = AddAttribute<ICharTermAttribute>();
            Increment = AddAttribute<IPositionIncrementAttribute>();
            Offset = AddAttribute<IOffsetAttribute>();
        }

        protected AnalyzedText Text { get; }

        protected ICharTermAttribute Term { get; }

        protected IPositionIncrementAttribute Increment { get; }

        protected IOffsetAttribute Offset { get; }

        public override void End()
        {
            Term.SetEmpty();
            Increment.PositionIncrement = Text.FinalIncrement;
            Offset.SetOffset(Text.FinalStartOffset, Text.FinalEndOffset);
        }
    }

    private sealed class WordReplay(AnalyzedText text, AttributeSource attributes) : Replay(text, attributes)
    {
        private int next;

        public override bool IncrementToken()
        {
            if (next == Text.Count)
            {
                return false;
            }

            var start = Text.TermStart(next);
            Term.CopyBuffer(Text.chars, start, Text.termEnds[next] - start);
            Increment.PositionIncrement = Text.increments[next];
            Offset.SetOffset(Text.starts[next], Text.ends[next]);
            next++;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            next = 0;
        }
    }

    /// <summary>
    /// The pairs of the sequence "words with one empty filler word before each word that follows a gap, and one after the
    /// last when the end state has an increment" (the filler has no width: its offsets are the next word's start, or the
    /// final offset).
    /// </summary>
    private sealed class PairReplay(AnalyzedText text, AttributeSource attributes) : Replay(text, attributes)
    {
        /// <summary>The item after the last word: the trailing filler, when there is one.</summary>
        private readonly int items = ItemCount(text);

        /// <summary>The first item of the next pair (items: each word index i is 2i + 1, the filler before it 2i, the trailing filler 2 × Count).</summary>
        private int first;

        public override bool IncrementToken()
        {
            var a = Next(first);
            if (a < 0)
            {
                return false;
            }

            var b = Next(a + 1);
            if (b < 0)
            {
                return false;
            }

            // Two fillers never follow each other (a filler is followed by its word), so every pair holds a word.
            Term.SetEmpty();
            if (IsWord(a))
            {
                AppendWord(a);
            }

            Term.Append(VietnameseAnalyzer.PairSeparator);
            if (IsWord(b))
            {
                AppendWord(b);
            }

            Increment.PositionIncrement = 1;
            Offset.SetOffset(StartOf(a), EndOf(b));
            first = a + 1;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            first = 0;
        }

        private static int ItemCount(AnalyzedText text) => text.FinalIncrement > 0 ? (2 * text.Count) + 1 : 2 * text.Count;

        private static bool IsWord(int item) => item % 2 == 1;

        /// <summary>The first item at or after <paramref name="item"/> that exists, or -1.</summary>
        private int Next(int item)
        {
            for (; item < items; item++)
            {
                if (IsWord(item) || item == 2 * Text.Count || Text.increments[item / 2] > 1)
                {
                    return item;
                }
            }

            return -1;
        }

        private void AppendWord(int item)
        {
            var word = item / 2;
            var start = Text.TermStart(word);
            var length = Text.termEnds[word] - start;
            var buffer = Term.ResizeBuffer(Term.Length + length);
            Array.Copy(Text.chars, start, buffer, Term.Length, length);
            Term.Length += length;
        }

        private int StartOf(int item) => item == 2 * Text.Count ? Text.FinalEndOffset : Text.starts[item / 2];

        private int EndOf(int item) => item == 2 * Text.Count ? Text.FinalEndOffset : IsWord(item) ? Text.ends[item / 2] : Text.starts[item / 2];
    }
}
