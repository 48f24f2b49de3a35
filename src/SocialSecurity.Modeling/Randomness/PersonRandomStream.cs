namespace SocialSecurity.Modeling.Randomness;

/// <summary>
/// A deterministic pseudo-random sequence for one person in one replicate, obtained from
/// <see cref="RandomStream.Sequence(long, int)"/> and so derived from (seed, stream name, person id, replicate). The same person gets the same draws whatever the thread count, block size or
/// row order, so Monte Carlo results are reproducible and comparable between a baseline and a reform (common random
/// numbers).
/// </summary>
/// <remarks>
/// <para>Derivation: key = mix(seed ⊕ mix(FNV-1a-64(stream name))); state = mix(mix(key ⊕ id) ⊕ mix(replicate + γ)),
/// where mix is the SplitMix64 finaliser and γ = 0x9E3779B97F4A7C15; each draw advances the state by γ and mixes it
/// (SplitMix64, Steele, Lea and Flood 2014). Not cryptographic. A mutable value type: pass it by <c>ref</c>.</para>
/// </remarks>
public struct PersonRandomStream
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    private PersonRandomStream(ulong state) => _state = state;

    /// <summary>The stream of one person in one replicate.</summary>
    /// <param name="streamKey">The key of the seed and stream name (the owning <see cref="RandomStream"/>'s key).</param>
    /// <param name="personId">The person's stable id.</param>
    /// <param name="replicate">The replicate index, ≥ 0.</param>
    internal static PersonRandomStream Create(ulong streamKey, long personId, int replicate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicate);
        return new PersonRandomStream(Mix(Mix(streamKey ^ unchecked((ulong)personId)) ^ Mix(unchecked((ulong)replicate + Gamma))));
    }

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mix with full avalanche.</summary>
    /// <param name="z">The value to mix.</param>
    internal static ulong Mix(ulong z)
    {
        unchecked
        {
            z += Gamma;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            _state += Gamma;
            ulong z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A uniform draw in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw (Box–Muller; consumes two uniforms).</summary>
    public double NextStandardNormal()
    {
        double u1 = 1.0 - NextDouble(); // in (0, 1]
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
