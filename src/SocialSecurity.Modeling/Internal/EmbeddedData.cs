using System.Reflection;

namespace SocialSecurity.Modeling.Internal;

/// <summary>Reads the JSON files that ship inside the assembly (the <c>Data/</c> folder of the source tree).</summary>
internal static class EmbeddedData
{
    private const string Prefix = "SocialSecurity.Modeling.Data/";

    private static Assembly Assembly => typeof(EmbeddedData).Assembly;

    /// <summary>The names (relative to <c>Data/</c>, with forward slashes) of every embedded file below <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> List(string folder)
    {
        var prefix = Prefix + folder.TrimEnd('/') + "/";
        return Assembly.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Reads one embedded file as bytes; <paramref name="name"/> is relative to <c>Data/</c>.</summary>
    public static byte[] Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + name)
            ?? Assembly.GetManifestResourceStream(Prefix + name.Replace('/', '\\'))
            ?? throw new FileNotFoundException($"Embedded data file 'Data/{name}' is missing from the assembly.", name);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
