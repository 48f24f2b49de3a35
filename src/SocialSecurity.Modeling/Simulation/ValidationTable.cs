using System.Collections;
using System.Globalization;
using System.Text;
using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// A baseline validation table (docs/baseline.md#validation-table): the rows of <see cref="BaselineValidation.Compute"/>
/// for one or more regions, in order. A notebook shows it as an HTML table (<c>Formatting.ValidationHtml</c>) with
/// every missed check's driver and sensitivity; <see cref="ToString"/> gives a one-line summary.
/// </summary>
[TypeFormatterSource]
public sealed class ValidationTable : IReadOnlyList<ValidationRow>
{
    private readonly ValidationRow[] rows;

    /// <summary>Wraps <paramref name="rows"/>, in the order given.</summary>
    /// <param name="rows">The rows.</param>
    public ValidationTable(IEnumerable<ValidationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        this.rows = [.. rows];
        if (Array.Exists(this.rows, r => r is null))
        {
            throw new ArgumentException("A validation table cannot hold a null row.", nameof(rows));
        }
    }

    /// <summary>The number of rows.</summary>
    public int Count => rows.Length;

    /// <summary>The row at <paramref name="index"/>.</summary>
    /// <param name="index">The index.</param>
    public ValidationRow this[int index] => rows[index];

    /// <summary>The rows outside their tolerance.</summary>
    public IReadOnlyList<ValidationRow> Missed => Array.FindAll(rows, r => r.Status == ValidationStatus.Missed);

    /// <summary>The rows the baseline does not simulate.</summary>
    public IReadOnlyList<ValidationRow> NotSimulated => Array.FindAll(rows, r => r.Status == ValidationStatus.NotSimulated);

    /// <summary>The rows without a published figure (an illustrative reference value): reported, never checked.</summary>
    public IReadOnlyList<ValidationRow> NotPublished => Array.FindAll(rows, r => r.Status == ValidationStatus.NotPublished);

    /// <summary>Whether every row that is simulated is within its tolerance.</summary>
    public bool AllMet => Missed.Count == 0;

    /// <inheritdoc/>
    public IEnumerator<ValidationRow> GetEnumerator() => ((IEnumerable<ValidationRow>)rows).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>"Validation: 40 rows (25 targets, 15 checks): 35 met, 3 missed (…), 2 not simulated".</summary>
    public override string ToString()
    {
        int targets = rows.Count(r => r.Kind == ValidationKind.Target);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Validation: {rows.Length} rows ({targets} targets, {rows.Length - targets} checks): {rows.Count(r => r.Status == ValidationStatus.Met)} met, {Missed.Count} missed");
        if (Missed.Count > 0)
        {
            text.Append(" (").AppendJoin(", ", Missed.Select(r => $"{r.Region} {r.Name}")).Append(')');
        }

        text.Append(CultureInfo.InvariantCulture, $", {NotSimulated.Count} not simulated");
        return NotPublished.Count > 0 ? text.Append(CultureInfo.InvariantCulture, $", {NotPublished.Count} not published").ToString() : text.ToString();
    }
}
