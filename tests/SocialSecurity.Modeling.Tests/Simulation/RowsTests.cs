using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Simulation;

/// <summary>
/// <see cref="Rows{T}"/> and <see cref="WritableRows{T}"/> skip the bounds check per row because their length is
/// checked once, when a pass binds its chunk (docs/architecture.md#rule-kernels): a column shorter than the rows the
/// pass may index must be refused there, and the rows read and written must be the column's own.
/// </summary>
public class RowsTests
{
    [Fact]
    public void A_column_shorter_than_the_chunk_is_refused_when_bound()
    {
        double[] column = [1, 2, 3];
        Assert.Throws<ArgumentException>(() => new Rows<double>(column, 4));
        Assert.Throws<ArgumentException>(() => new WritableRows<double>(column, 4));
        Assert.Throws<ArgumentException>(() => new Rows<double>(column, -1));
    }

    [Fact]
    public void Rows_read_and_write_the_columns_own_elements()
    {
        double[] input = [1.5, -2.5, 3.5, 4.5];
        var output = new double[5];
        Array.Fill(output, 9.0);
        var read = new Rows<double>(input, 4);
        var write = new WritableRows<double>(output, 4);
        for (int row = 0; row < 4; row++)
        {
            write[row] = 2 * read[row];
        }

        Assert.Equal([3.0, -5.0, 7.0, 9.0, 9.0], output);
        write.Clear(1, 3);
        Assert.Equal([3.0, 0.0, 0.0, 9.0, 9.0], output);
    }
}
