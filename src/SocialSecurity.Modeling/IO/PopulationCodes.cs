using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// The canonical text values of the population's coded fields, shared by every file format (they are the values
/// documented on <see cref="PopulationFileMapping"/>): names for reading (case-insensitive) and for writing.
/// </summary>
internal static class PopulationCodes
{
    // Reading names come from the declared codes of the built-in columns (PopulationSchema).
    public static readonly Dictionary<string, byte> Area = Names(PopulationSchema.Area);
    public static readonly Dictionary<string, byte> Sex = Names(PopulationSchema.Sex);
    public static readonly Dictionary<string, byte> Disability = Names(PopulationSchema.Disability);
    public static readonly Dictionary<string, byte> SelfCare = Names(PopulationSchema.SelfCare);
    public static readonly Dictionary<string, byte> Employment = Names(PopulationSchema.Employment);

    /// <summary>Looks a coded value up by its characters, without allocating a string.</summary>
    public static bool TryGet(Dictionary<string, byte> names, ReadOnlySpan<char> text, out byte code)
        => names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out code);

    public static readonly string[] AreaNames = ["urban", "rural"];
    public static readonly string[] SexNames = ["female", "male"];
    public static readonly string[] DisabilityNames = ["none", "1", "2", "3", "4"];
    public static readonly string[] SelfCareNames = ["able", "partly_unable", "fully_unable"];
    public static readonly string[] EmploymentNames = ["inactive", "employee", "self_employed", "agricultural", "unemployed", "retired", "student"];

    /// <summary>Household fields that must be present.</summary>
    public static readonly string[] RequiredHousehold = PopulationSchema.RequiredFields(Entity.Household);

    /// <summary>Person fields that must be present.</summary>
    public static readonly string[] RequiredPerson = PopulationSchema.RequiredFields(Entity.Person);

    private static Dictionary<string, byte> Names(ColumnDefinition column)
        => column.Codes.ToDictionary(c => c.Name, c => c.Value, StringComparer.OrdinalIgnoreCase);
}
