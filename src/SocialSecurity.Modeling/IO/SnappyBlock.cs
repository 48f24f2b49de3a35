using System.Buffers.Binary;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// Decompression of one raw Snappy block (the format Parquet's SNAPPY codec uses: the uncompressed length as a
/// varint, then literals and back-references) straight into the caller's span, so that a page's values land in the
/// population's array without an intermediate buffer. Every length and offset is checked against both spans: a
/// malformed block is <see langword="false"/>, never an exception or a write outside the target.
/// </summary>
internal static class SnappyBlock
{
    /// <summary>Decompresses <paramref name="input"/>, which must expand to exactly <paramref name="output"/>'s length; false for a malformed block or another length.</summary>
    public static bool TryDecompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int at = 0;
        uint length = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (at >= input.Length || shift > 28)
            {
                return false;
            }

            int b = input[at++];
            length |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        if (length != (uint)output.Length)
        {
            return false;
        }

        int op = 0;
        while (at < input.Length)
        {
            int tag = input[at++];
            int count;
            int offset;
            switch (tag & 3)
            {
                case 0: // a literal: its length − 1 in the tag, or in the 1–4 bytes that follow
                    long literal = tag >> 2;
                    if (literal >= 60)
                    {
                        int bytes = (int)literal - 59;
                        if (input.Length - at < bytes)
                        {
                            return false;
                        }

                        literal = 0;
                        for (int i = 0; i < bytes; i++)
                        {
                            literal |= (long)input[at + i] << (8 * i);
                        }

                        at += bytes;
                    }

                    literal++;
                    if (literal > input.Length - at || literal > output.Length - op)
                    {
                        return false;
                    }

                    input.Slice(at, (int)literal).CopyTo(output[op..]);
                    at += (int)literal;
                    op += (int)literal;
                    continue;
                case 1: // a copy of 4–11 bytes, offset in 11 bits
                    if (at >= input.Length)
                    {
                        return false;
                    }

                    count = 4 + ((tag >> 2) & 7);
                    offset = ((tag >> 5) << 8) | input[at++];
                    break;
                case 2: // a copy of 1–64 bytes, offset in 16 bits
                    if (input.Length - at < 2)
                    {
                        return false;
                    }

                    count = 1 + (tag >> 2);
                    offset = BinaryPrimitives.ReadUInt16LittleEndian(input[at..]);
                    at += 2;
                    break;
                default: // a copy of 1–64 bytes, offset in 32 bits
                    if (input.Length - at < 4)
                    {
                        return false;
                    }

                    count = 1 + (tag >> 2);
                    uint wide = BinaryPrimitives.ReadUInt32LittleEndian(input[at..]);
                    at += 4;
                    if (wide > int.MaxValue)
                    {
                        return false;
                    }

                    offset = (int)wide;
                    break;
            }

            if (offset == 0 || offset > op || count > output.Length - op)
            {
                return false;
            }

            Copy(output, op, offset, count);
            op += count;
        }

        return op == output.Length;
    }

    /// <summary>Repeats the <paramref name="offset"/> bytes before <paramref name="op"/> for <paramref name="count"/> bytes (a copy that may overlap itself: the pattern is copied in doubling pieces).</summary>
    private static void Copy(Span<byte> output, int op, int offset, int count)
    {
        int from = op - offset;
        if (offset >= count)
        {
            output.Slice(from, count).CopyTo(output[op..]);
            return;
        }

        if (offset == 1)
        {
            output.Slice(op, count).Fill(output[from]);
            return;
        }

        while (count > 0)
        {
            int n = Math.Min(count, op - from);
            output.Slice(from, n).CopyTo(output[op..]);
            op += n;
            count -= n;
        }
    }
}
