namespace SocialSecurity.Modeling.Regions;

/// <summary>A region code was used that the <see cref="RegionCatalog"/> does not contain.</summary>
public sealed class UnknownRegionException : Exception
{
    /// <summary>Creates the exception for <paramref name="code"/>.</summary>
    /// <param name="code">The code that was not found.</param>
    public UnknownRegionException(string code)
        : base($"Unknown region code '{code}': it is not in the region catalogue. Use a six-digit GB/T 2260 code from the catalogue (for example 330000 for Zhejiang), or load a catalogue that contains it.")
    {
        Code = code;
    }

    /// <summary>The code that was not found.</summary>
    public string Code { get; }
}
