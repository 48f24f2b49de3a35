namespace SocialSecurity.Modeling.Populations.Weighting;

/// <summary>
/// One auxiliary variable for <see cref="WeightCalibration"/> and its known total(s): either numeric (one value per
/// household, such as the number of members aged 65+, total income, or 1 for a household count, and one total) or
/// categorical (one category per household, such as area or household-size class, and one count per category, as
/// in calmar's categorical margins). A categorical margin stands for one indicator column per category.
/// </summary>
public sealed class CalibrationMargin
{
    private CalibrationMargin(string name, double[]? values, int[]? categories, double[] totals)
    {
        Name = name;
        NumericValues = values;
        CategoryCodes = categories;
        TotalsColumn = totals;
    }

    /// <summary>A label for reports and error messages, for example <c>persons_65_plus</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the margin is categorical (one indicator per category) rather than numeric.</summary>
    public bool IsCategorical => CategoryCodes is not null;

    /// <summary>The number of calibration equations the margin contributes: its categories, or 1 when numeric.</summary>
    public int Count => TotalsColumn.Length;

    /// <summary>The required totals: one per category (in category order), or the single numeric total.</summary>
    public IReadOnlyList<double> Totals => TotalsColumn;

    internal double[]? NumericValues { get; }

    internal int[]? CategoryCodes { get; }

    internal double[] TotalsColumn { get; }

    /// <summary>A numeric margin: Σ wₕ·valuesₕ must equal <paramref name="total"/>.</summary>
    /// <param name="name">A non-empty label.</param>
    /// <param name="values">One finite value per household, in population order (negative values allowed, e.g. losses).</param>
    /// <param name="total">The required weighted total (finite).</param>
    /// <returns>The margin.</returns>
    /// <exception cref="ArgumentException">The name is empty, a value or the total is not finite.</exception>
    public static CalibrationMargin Numeric(string name, double[] values, double total)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        for (int h = 0; h < values.Length; h++)
        {
            if (!double.IsFinite(values[h]))
            {
                throw new ArgumentException($"Margin '{name}', household {h}: value {values[h]}; expected a finite number.", nameof(values));
            }
        }

        if (!double.IsFinite(total))
        {
            throw new ArgumentException($"Margin '{name}' has total {total}; expected a finite number.", nameof(total));
        }

        return new(name, (double[])values.Clone(), null, [total]);
    }

    /// <summary>
    /// A categorical margin: for every category c, the weights of households in category c must add up to
    /// <paramref name="totals"/>[c].
    /// </summary>
    /// <param name="name">A non-empty label; category c is reported as <c>name=c</c>.</param>
    /// <param name="categories">One category per household, 0 to <c>totals.Length − 1</c>.</param>
    /// <param name="totals">The required weighted count per category (finite, &gt; 0); at least 2 categories.</param>
    /// <returns>The margin.</returns>
    /// <exception cref="ArgumentException">The name is empty, fewer than two totals, a total not finite and &gt; 0, or a category out of range.</exception>
    public static CalibrationMargin Categorical(string name, int[] categories, double[] totals)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(totals);
        if (totals.Length < 2)
        {
            throw new ArgumentException($"Categorical margin '{name}' has {totals.Length} categories; expected at least 2 (use a numeric margin of ones for a single total).", nameof(totals));
        }

        for (int c = 0; c < totals.Length; c++)
        {
            if (!double.IsFinite(totals[c]) || totals[c] <= 0)
            {
                throw new ArgumentException($"Margin '{name}', category {c}: total {totals[c]}; expected a finite number > 0.", nameof(totals));
            }
        }

        for (int h = 0; h < categories.Length; h++)
        {
            if ((uint)categories[h] >= (uint)totals.Length)
            {
                throw new ArgumentException($"Margin '{name}', household {h}: category {categories[h]}; expected 0 to {totals.Length - 1}.", nameof(categories));
            }
        }

        return new(name, null, (int[])categories.Clone(), (double[])totals.Clone());
    }

    /// <summary>The label of equation <paramref name="index"/>: the name, or <c>name=category</c>.</summary>
    internal string Label(int index) => IsCategorical ? $"{Name}={index}" : Name;

    /// <summary>The value of equation <paramref name="index"/> for household <paramref name="h"/>.</summary>
    internal double Value(int index, int h) => CategoryCodes is { } codes ? (codes[h] == index ? 1 : 0) : NumericValues![h];

    /// <summary>The number of households the margin describes.</summary>
    internal int Length => CategoryCodes?.Length ?? NumericValues!.Length;
}
