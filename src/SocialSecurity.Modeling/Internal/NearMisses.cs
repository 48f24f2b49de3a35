namespace SocialSecurity.Modeling.Internal;

/// <summary>
/// "Did you mean …?" for error messages: the known names within a small edit distance of a misspelt one (at most 2
/// edits, or a quarter of the name's length for long names), closest first, ties by name.
/// </summary>
internal static class NearMisses
{
    /// <summary>Up to <paramref name="most"/> known names close to <paramref name="name"/>, closest first.</summary>
    public static string[] Of(string name, IEnumerable<string> known, int most)
        => known
            .Select(k => (Name: k, Distance: Levenshtein(k, name)))
            .Where(x => x.Distance <= Math.Max(2, name.Length / 4))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name)
            .Take(most)
            .ToArray();

    /// <summary>The hint " (did you mean 'a', 'b'?)", or an empty string when no known name is close.</summary>
    public static string Hint(string name, IEnumerable<string> known, int most = 3)
    {
        var close = Of(name, known, most);
        return close.Length == 0 ? string.Empty : $" (did you mean {string.Join(", ", close.Select(c => $"'{c}'"))}?)";
    }

    /// <summary>The edit distance (insertions, deletions, substitutions) between two strings.</summary>
    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
