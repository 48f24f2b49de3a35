using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// The canonical text values of the population's coded fields, shared by every file format (they are the values
/// documented on <see cref="PopulationFileMapping"/>), taken from the declared codes of the built-in columns
/// (<see cref="PopulationSchema"/>): names for reading (case-insensitive) and for writing, per column.
/// </summary>
internal static class PopulationCodes
{
    private static readonly Dictionary<string, byte>?[] ReadingNames = new Dictionary<string, byte>?[PopulationSchema.BuiltIns.Length];
    private static readonly string[]?[] WritingNames = new string[]?[PopulationSchema.BuiltIns.Length];

    static PopulationCodes()
    {
        foreach (var builtIn in PopulationSchema.BuiltIns)
        {
            var column = builtIn.Definition;
            if (column.Type != ColumnType.Code)
            {
                continue;
            }

            ReadingNames[column.BuiltInIndex] = column.Codes.ToDictionary(c => c.Name, c => c.Value, StringComparer.OrdinalIgnoreCase);
            var names = new string[column.Codes.Max(c => c.Value) + 1];
            foreach (var code in column.Codes)
            {
                names[code.Value] = code.Name;
            }

            WritingNames[column.BuiltInIndex] = names;
        }
    }

    /// <summary>Household fields that must be present.</summary>
    public static readonly string[] RequiredHousehold = PopulationSchema.RequiredFields(Entity.Household);

    /// <summary>Person fields that must be present.</summary>
    public static readonly string[] RequiredPerson = PopulationSchema.RequiredFields(Entity.Person);

    /// <summary>The names a coded built-in column accepts when read (case-insensitive).</summary>
    public static Dictionary<string, byte> Names(ColumnDefinition column)
        => ReadingNames[column.BuiltInIndex] ?? throw new ArgumentException($"'{column.Name}' is not a coded built-in column.", nameof(column));

    /// <summary>The canonical name of each code of a coded built-in column, indexed by code, for writing.</summary>
    public static string[] WrittenNames(ColumnDefinition column)
        => WritingNames[column.BuiltInIndex] ?? throw new ArgumentException($"'{column.Name}' is not a coded built-in column.", nameof(column));

    /// <summary>Looks a coded value up by its characters, without allocating a string.</summary>
    public static bool TryGet(Dictionary<string, byte> names, ReadOnlySpan<char> text, out byte code)
        => names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out code);
}
