using Parquet;
using Parquet.Schema;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// Whether a column chunk declares as many values as its row group has rows, which Parquet.Net does not check: given a
/// chunk whose metadata declares fewer values (a damaged footer), its <c>ReadAsync</c> reads that many and leaves the
/// rest of the caller's buffer as it was, so a reused buffer would keep the values of an earlier row group and a new
/// one zeros, silently. Every read of a population column through Parquet.Net asks first.
/// </summary>
internal static class ParquetValueCount
{
    /// <summary>True when <paramref name="field"/>'s chunk in <paramref name="group"/> declares exactly <paramref name="rows"/> values (a column that repeats is not checked: its values are not its rows).</summary>
    public static bool Matches(ParquetRowGroupReader group, DataField field, long rows)
        => field.IsArray || field.MaxRepetitionLevel > 0 || group.GetMetadata(field)?.MetaData?.NumValues == rows;

    /// <summary>Throws, naming the file, row group and column, unless <see cref="Matches"/>.</summary>
    /// <exception cref="DataFormatException">The chunk declares another number of values.</exception>
    public static void Check(ParquetRowGroupReader group, DataField field, long rows, string file, int index)
    {
        if (!Matches(group, field, rows))
        {
            throw new DataFormatException(file, $"row group {index}, column '{field.Name}'",
                $"the column chunk declares {group.GetMetadata(field)?.MetaData?.NumValues.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} values but the row group has {rows} rows (damaged metadata)");
        }
    }
}
