using System.Globalization;
using System.Text;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// The declaration of one population column, built-in or extra: its name, entity, type and storage, unit, period,
/// role in the income concepts, valid values (a range, whole numbers, or a list of codes) and meaning. A population
/// validates every column against its definition once, when it is built (<see cref="SocialSecurity.Modeling.Populations.PopulationBuilder"/>,
/// <see cref="Population.WithColumn(ColumnDefinition, double[])"/>), so rules never re-check values in their loops; a
/// program states the definitions it expects in <see cref="PolicyProgram.InputColumns"/>, and a run checks them
/// against the population's before any household is computed.
/// </summary>
/// <remarks>
/// Create definitions with the factories: <see cref="Amount"/>, <see cref="Quantity"/>, <see cref="Count"/>,
/// <see cref="Flag"/>, <see cref="Code(string, Entity, IEnumerable{ColumnCode}, string)"/> and
/// <see cref="Code{TEnum}(string, Entity, string)"/>; <see cref="Number"/> is the definition of a column added by name
/// only (any finite number, nothing else declared). The built-in columns are declared in <see cref="PopulationSchema"/>.
/// </remarks>
public sealed class ColumnDefinition
{
    private readonly bool[]? _allowedCodes;

    private ColumnDefinition(
        string name, Entity entity, ColumnType type, ColumnStorage storage, string unit, AmountPeriod period, IncomeRole role,
        double minimum, double maximum, IReadOnlyList<ColumnCode> codes, string description)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!VariableNames.IsValid(name))
        {
            throw new ArgumentException($"Column name '{name}' must be lower-case words joined by dots or underscores.", nameof(name));
        }

        ArgumentNullException.ThrowIfNull(description);
        if (double.IsNaN(minimum) || double.IsNaN(maximum) || minimum > maximum)
        {
            throw new ArgumentException($"Column '{name}': the range [{minimum}, {maximum}] is empty.", nameof(minimum));
        }

        if (!Enum.IsDefined(entity))
        {
            throw new ArgumentOutOfRangeException(nameof(entity), entity, "Expected Person or Household.");
        }

        Name = name;
        Entity = entity;
        Type = type;
        Storage = storage;
        Unit = unit;
        Period = period;
        Role = role;
        Minimum = minimum;
        Maximum = maximum;
        Codes = codes;
        Description = description;
        if (codes.Count > 0)
        {
            _allowedCodes = new bool[256];
            foreach (var code in codes)
            {
                if (_allowedCodes[code.Value])
                {
                    throw new ArgumentException($"Column '{name}': code {code.Value} is listed twice.", nameof(codes));
                }

                _allowedCodes[code.Value] = true;
            }
        }
    }

    /// <summary>The column's row in <see cref="PopulationSchema.BuiltIns"/> and index in a population's built-in arrays; −1 for a column that is not built in. Set once, by <see cref="PopulationSchema"/>.</summary>
    internal int BuiltInIndex { get; set; } = -1;

    /// <summary>The column's name: lower-case words joined by dots or underscores (<c>person.wages_annual</c>, <c>assistance.dibao_recipient</c>).</summary>
    public string Name { get; }

    /// <summary>Person or household: one value per person, or one per household.</summary>
    public Entity Entity { get; }

    /// <summary>What kind of values the column holds.</summary>
    public ColumnType Type { get; }

    /// <summary>How the values are stored (<see cref="ColumnStorage.Double"/> for every extra column).</summary>
    public ColumnStorage Storage { get; }

    /// <summary>The unit (<c>yuan</c>, <c>years</c>, <c>mu</c>, <c>days</c>), or empty for flags, codes and unitless numbers.</summary>
    public string Unit { get; }

    /// <summary>The period of an amount (per month, per year), or <see cref="AmountPeriod.None"/> for stocks and everything that is not a flow.</summary>
    public AmountPeriod Period { get; }

    /// <summary>How the column enters the income concepts (<see cref="IncomeRole.None"/> unless it is income, a tax, a contribution or a transfer).</summary>
    public IncomeRole Role { get; }

    /// <summary>The smallest valid value (inclusive; −∞ when unbounded). Values must be finite whatever the range.</summary>
    public double Minimum { get; }

    /// <summary>The largest valid value (inclusive; +∞ when unbounded).</summary>
    public double Maximum { get; }

    /// <summary>The allowed codes of a <see cref="ColumnType.Code"/> or <see cref="ColumnType.Flag"/> column with their canonical names; empty for other types.</summary>
    public IReadOnlyList<ColumnCode> Codes { get; }

    /// <summary>What the column means.</summary>
    public string Description { get; }

    /// <summary>Whether only whole numbers are valid (counts, flags, codes, identifiers, regions).</summary>
    public bool IsWholeNumber => Type is ColumnType.Count or ColumnType.Flag or ColumnType.Code or ColumnType.Identifier or ColumnType.Region;

    /// <summary>Whether the column was declared by name only (<see cref="Number"/>): any finite number, no unit, period, role or range.</summary>
    public bool IsUndeclared => Type == ColumnType.Number;

    /// <summary>The column as a variable the engine and the income concepts know (name, entity, period, role, description).</summary>
    public VariableDefinition Variable => new(Name, Entity, Period, Role, Description);

    /// <summary>
    /// An amount of money in yuan: a flow per month or per year, or (with <see cref="AmountPeriod.None"/>) a stock such
    /// as financial assets. Valid values are finite and, unless <paramref name="allowNegative"/>, ≥ 0.
    /// </summary>
    /// <param name="name">The column's name; amounts with a period say it in the name (<c>…_annual</c>, <c>…_monthly</c>).</param>
    /// <param name="entity">Person or household.</param>
    /// <param name="period">Per month, per year, or none for a stock.</param>
    /// <param name="role">How the amount enters the income concepts (<see cref="IncomeRole.None"/> for spending, bills and stocks).</param>
    /// <param name="description">What the amount is.</param>
    /// <param name="allowNegative">Whether negative amounts are valid (net business or property income).</param>
    public static ColumnDefinition Amount(string name, Entity entity, AmountPeriod period, IncomeRole role, string description, bool allowNegative = false)
        => new(name, entity, ColumnType.Amount, ColumnStorage.Double, "yuan", period, role, allowNegative ? double.NegativeInfinity : 0, double.PositiveInfinity, [], description);

    /// <summary>A real-valued measure in <paramref name="unit"/>, valid from <paramref name="minimum"/> to <paramref name="maximum"/> (inclusive; infinities for no bound).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="entity">Person or household.</param>
    /// <param name="unit">The unit, for example <c>years</c> or <c>mu</c>; empty for a unitless ratio or index.</param>
    /// <param name="minimum">The smallest valid value.</param>
    /// <param name="maximum">The largest valid value.</param>
    /// <param name="description">What the measure is.</param>
    public static ColumnDefinition Quantity(string name, Entity entity, string unit, double minimum, double maximum, string description)
        => new(name, entity, ColumnType.Quantity, ColumnStorage.Double, unit ?? string.Empty, AmountPeriod.None, IncomeRole.None, minimum, maximum, [], description);

    /// <summary>A whole number in <paramref name="unit"/>, valid from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="entity">Person or household.</param>
    /// <param name="unit">The unit, for example <c>days</c> or <c>years</c>.</param>
    /// <param name="minimum">The smallest valid value.</param>
    /// <param name="maximum">The largest valid value.</param>
    /// <param name="description">What is counted.</param>
    public static ColumnDefinition Count(string name, Entity entity, string unit, int minimum, int maximum, string description)
        => new(name, entity, ColumnType.Count, ColumnStorage.Double, unit ?? string.Empty, AmountPeriod.None, IncomeRole.None, minimum, maximum, [], description);

    /// <summary>A flag: 0 (no) or 1 (yes).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="entity">Person or household.</param>
    /// <param name="description">What 1 means.</param>
    public static ColumnDefinition Flag(string name, Entity entity, string description)
        => new(name, entity, ColumnType.Flag, ColumnStorage.Double, string.Empty, AmountPeriod.None, IncomeRole.None, 0, 1, [new ColumnCode(0, "0"), new ColumnCode(1, "1")], description);

    /// <summary>A coded column: one of <paramref name="codes"/>.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="entity">Person or household.</param>
    /// <param name="codes">The allowed codes with their canonical names (at least one).</param>
    /// <param name="description">What the codes mean.</param>
    public static ColumnDefinition Code(string name, Entity entity, IEnumerable<ColumnCode> codes, string description)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ColumnCode[] list = [.. codes];
        if (list.Length == 0)
        {
            throw new ArgumentException($"Column '{name}' needs at least one code.", nameof(codes));
        }

        return new(name, entity, ColumnType.Code, ColumnStorage.Double, string.Empty, AmountPeriod.None, IncomeRole.None, list.Min(c => c.Value), list.Max(c => c.Value), list, description);
    }

    /// <summary>A coded column whose codes are the values of <typeparamref name="TEnum"/> (0–255), named by the enum's names in snake case (<c>SelfEmployed</c> → <c>self_employed</c>).</summary>
    /// <typeparam name="TEnum">The enum of codes.</typeparam>
    /// <param name="name">The column's name.</param>
    /// <param name="entity">Person or household.</param>
    /// <param name="description">What the codes mean.</param>
    public static ColumnDefinition Code<TEnum>(string name, Entity entity, string description)
        where TEnum : struct, Enum
        => Code(name, entity, Enum.GetValues<TEnum>().Select(v => new ColumnCode(Convert.ToByte(v, CultureInfo.InvariantCulture), SnakeCase(v.ToString()))), description);

    /// <summary>
    /// The definition of a column added by name only: any finite number, with no unit, period, income role or range
    /// declared (<see cref="IsUndeclared"/>). A program that expects a narrower column (<see cref="PolicyProgram.InputColumns"/>)
    /// has the values checked against its definition once before a run; declare the column properly to check it when
    /// the population is built instead.
    /// </summary>
    /// <param name="name">The column's name.</param>
    /// <param name="entity">Person or household.</param>
    /// <param name="description">What the column means; "extra population column" when omitted.</param>
    public static ColumnDefinition Number(string name, Entity entity, string? description = null)
        => new(name, entity, ColumnType.Number, ColumnStorage.Double, string.Empty, AmountPeriod.None, IncomeRole.None, double.NegativeInfinity, double.PositiveInfinity, [], description ?? "extra population column");

    /// <summary>Whether <paramref name="value"/> is valid for this column: finite, within the range, whole when required, and a listed code for coded columns.</summary>
    /// <param name="value">A value.</param>
    public bool Accepts(double value)
    {
        if (!double.IsFinite(value) || value < Minimum || value > Maximum)
        {
            return false;
        }

        if (_allowedCodes is not null)
        {
            return value >= 0 && value <= 255 && value == Math.Floor(value) && _allowedCodes[(int)value];
        }

        return !IsWholeNumber || value == Math.Floor(value);
    }

    /// <summary>The valid values in words, for error messages (for example "a flag, 0 or 1" or "a finite amount ≥ 0 yuan per year").</summary>
    public string Expected
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            string range = (double.IsNegativeInfinity(Minimum), double.IsPositiveInfinity(Maximum)) switch
            {
                (true, true) => string.Empty,
                (false, true) => string.Create(c, $" ≥ {Minimum}"),
                (true, false) => string.Create(c, $" ≤ {Maximum}"),
                _ => string.Create(c, $" in {Minimum}–{Maximum}"),
            };
            string unit = Unit.Length == 0 ? string.Empty : " " + Unit;
            string period = Period switch { AmountPeriod.Month => " per month", AmountPeriod.Year => " per year", _ => string.Empty };
            return Type switch
            {
                ColumnType.Flag => "a flag, 0 or 1",
                ColumnType.Code => $"one of the codes {string.Join(", ", Codes.Select(k => k.Name == k.Value.ToString(c) ? k.Name : $"{k.Value} ({k.Name})"))}",
                ColumnType.Amount => $"a finite amount{range}{unit}{period}",
                ColumnType.Count or ColumnType.Identifier or ColumnType.Region => $"a whole number{range}{unit}",
                _ => $"a finite number{range}{unit}",
            };
        }
    }

    /// <summary>
    /// Whether a population column declared by this definition meets <paramref name="expected"/> (what a program
    /// reads): same name and entity; same type (a count meets a quantity, a flag meets a code list holding 0 and 1),
    /// unit and period; a range within the expected range; codes among the expected codes. An expected
    /// <see cref="ColumnType.Number"/> is met by any column of its name and entity. The income role is not compared:
    /// it concerns the income concepts, not the rule that reads the column.
    /// </summary>
    /// <param name="expected">The definition a program expects.</param>
    /// <param name="reason">Why not, when the result is <see langword="false"/>.</param>
    public bool Satisfies(ColumnDefinition expected, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(expected);
        reason = null;
        if (!string.Equals(Name, expected.Name, StringComparison.Ordinal) || Entity != expected.Entity)
        {
            reason = $"it is the {Entity.ToString().ToLowerInvariant()} column '{Name}', not the {expected.Entity.ToString().ToLowerInvariant()} column '{expected.Name}'";
            return false;
        }

        if (expected.Type == ColumnType.Number)
        {
            return true;
        }

        bool typeMatches = Type == expected.Type
            || (Type == ColumnType.Count && expected.Type == ColumnType.Quantity)
            || (Type == ColumnType.Flag && expected.Type == ColumnType.Code);
        var problems = new StringBuilder();
        if (!typeMatches)
        {
            problems.Append(CultureInfo.InvariantCulture, $"; it is declared as {Type.ToString().ToLowerInvariant()}, expected {expected.Type.ToString().ToLowerInvariant()}");
        }

        if (expected.Unit.Length > 0 && !string.Equals(Unit, expected.Unit, StringComparison.Ordinal))
        {
            problems.Append(CultureInfo.InvariantCulture, $"; its unit is '{Unit}', expected '{expected.Unit}'");
        }

        if (Period != expected.Period)
        {
            problems.Append(CultureInfo.InvariantCulture, $"; its period is {Period}, expected {expected.Period}");
        }

        if (Minimum < expected.Minimum || Maximum > expected.Maximum)
        {
            problems.Append(CultureInfo.InvariantCulture, $"; its range [{Minimum}, {Maximum}] is wider than the expected [{expected.Minimum}, {expected.Maximum}]");
        }

        if (expected._allowedCodes is not null && Codes.Any(k => !expected._allowedCodes[k.Value]))
        {
            problems.Append(CultureInfo.InvariantCulture, $"; it allows codes {string.Join(", ", Codes.Where(k => !expected._allowedCodes[k.Value]).Select(k => k.Value))} that are not expected");
        }

        if (expected.IsWholeNumber && !IsWholeNumber)
        {
            problems.Append("; it allows fractions, expected whole numbers");
        }

        if (problems.Length == 0)
        {
            return true;
        }

        reason = problems.ToString(2, problems.Length - 2);
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Entity.ToString().ToLowerInvariant()}, {Expected})";

    /// <summary>The same definition with another storage (for built-in columns held in narrower arrays).</summary>
    internal ColumnDefinition StoredAs(ColumnStorage storage)
        => new(Name, Entity, Type, storage, Unit, Period, Role, Minimum, Maximum, Codes, Description);

    /// <summary>
    /// A definition from its parts, as read from a file (a mapping or a Parquet file's metadata). Flags get codes 0
    /// and 1; codes set the range; other types take the range given.
    /// </summary>
    /// <exception cref="ArgumentException">The parts are inconsistent: a code list without codes, a range that is empty or not whole for a count.</exception>
    internal static ColumnDefinition Declare(string name, Entity entity, ColumnType type, string unit, AmountPeriod period, IncomeRole role, double minimum, double maximum, IReadOnlyList<ColumnCode> codes, string description)
        => type switch
        {
            ColumnType.Flag => Flag(name, entity, description),
            ColumnType.Code => Code(name, entity, codes, description),
            ColumnType.Number => Number(name, entity, description),
            ColumnType.Amount or ColumnType.Quantity or ColumnType.Count when codes.Count == 0
                && (type != ColumnType.Count || ((double.IsInfinity(minimum) || minimum == Math.Floor(minimum)) && (double.IsInfinity(maximum) || maximum == Math.Floor(maximum))))
                => new(name, entity, type, ColumnStorage.Double, unit, type == ColumnType.Amount ? period : AmountPeriod.None, type == ColumnType.Amount ? role : IncomeRole.None, minimum, maximum, [], description),
            _ => throw new ArgumentException($"Column '{name}': a {type.ToString().ToLowerInvariant()} column cannot be declared with these parts (codes only for code columns, whole bounds for counts; identifiers and regions are built-in only)."),
        };

    /// <summary>A whole-number identifier (household and person ids).</summary>
    internal static ColumnDefinition Identifier(string name, Entity entity, string description)
        => new(name, entity, ColumnType.Identifier, ColumnStorage.Int64, string.Empty, AmountPeriod.None, IncomeRole.None, long.MinValue, long.MaxValue, [], description);

    /// <summary>A region code held as a handle into the region catalogue.</summary>
    internal static ColumnDefinition Region(string name, Entity entity, string description)
        => new(name, entity, ColumnType.Region, ColumnStorage.UInt16, string.Empty, AmountPeriod.None, IncomeRole.None, 0, ushort.MaxValue, [], description);

    internal static string SnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char ch = name[i];
            if (char.IsUpper(ch) && i > 0 && !char.IsDigit(name[i - 1]) && !char.IsUpper(name[i - 1]))
            {
                result.Append('_');
            }

            result.Append(char.ToLowerInvariant(ch));
        }

        return result.ToString();
    }
}
