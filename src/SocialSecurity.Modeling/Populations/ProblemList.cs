namespace SocialSecurity.Modeling.Populations;

/// <summary>
/// The problems found while building a population: the first <see cref="MaxListed"/> are listed, the rest counted.
/// Shared by <see cref="PopulationBuilder"/> and <see cref="ColumnarPopulationBuilder"/>, so both report the same lines.
/// </summary>
internal sealed class ProblemList
{
    /// <summary>How many problem lines are listed; the others are only counted.</summary>
    public const int MaxListed = 20;

    private readonly List<string> _listed = [];

    /// <summary>How many problems were found in all.</summary>
    public int Count { get; private set; }

    /// <summary>Whether more problems would only be counted, not listed.</summary>
    public bool IsFull => Count >= MaxListed;

    /// <summary>Records a problem.</summary>
    /// <param name="text">The problem line.</param>
    public void Add(string text)
    {
        Count++;
        if (_listed.Count < MaxListed)
        {
            _listed.Add(text);
        }
    }

    /// <summary>Counts <paramref name="count"/> more problems without listing them.</summary>
    public void AddUnlisted(int count) => Count += count;

    /// <summary>Throws when any problem was found.</summary>
    /// <exception cref="PopulationValidationException">At least one problem was found.</exception>
    public void ThrowIfAny()
    {
        if (Count > 0)
        {
            throw new PopulationValidationException(_listed.ToArray(), Count);
        }
    }
}
