namespace SocialSecurity.Modeling.Core;

/// <summary>
/// What kind of values a population column holds; together with the range of its <see cref="ColumnDefinition"/>
/// it says which values are valid. The type is about meaning, <see cref="ColumnStorage"/> about the bytes.
/// </summary>
public enum ColumnType
{
    /// <summary>Any finite number, without a declared unit, period or range: the definition given to a column added by name only.</summary>
    Number,

    /// <summary>Money in yuan: a flow with a period (wages per year) or a stock without one (financial assets).</summary>
    Amount,

    /// <summary>A real-valued measure in a stated unit (years of contribution, mu of grassland, a contribution index).</summary>
    Quantity,

    /// <summary>A whole number in a stated unit (an age, homes owned, days worked).</summary>
    Count,

    /// <summary>0 (no) or 1 (yes).</summary>
    Flag,

    /// <summary>One of a closed list of whole-number codes, each with a canonical name (an enum such as <see cref="Sex"/>).</summary>
    Code,

    /// <summary>A whole-number identifier (household and person ids).</summary>
    Identifier,

    /// <summary>A GB/T 2260 region code, held as a handle into the population's region catalogue.</summary>
    Region,
}
