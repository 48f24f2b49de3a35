namespace SocialSecurity.Modeling.Randomness;

/// <summary>
/// A named, seeded, counter-based stream of random numbers keyed by entity id: the draw for (seed, stream name,
/// id, draw index) is a pure function of those four values. The same person therefore gets the same draw in every
/// run, whatever the thread count, block size or row order, and in baseline and reform alike, while a reform can
/// still change the rate a draw is compared with (take-up, targeting errors). It avoids what PolicyEngine met when it had to move take-up draws into its data
/// (docs/architecture.md#random-streams).
/// </summary>
/// <remarks>
/// The generator hashes the stream name with 64-bit FNV-1a and mixes (seed, name hash, id, draw index) through
/// two rounds of the SplitMix64 finaliser; the top 53 bits give a double in [0, 1). It is fast, allocation-free and
/// statistically adequate for simulation (not for cryptography). Streams with different names are independent.
/// </remarks>
public readonly struct RandomStream : IEquatable<RandomStream>
{
    private readonly ulong _key;

    /// <summary>Creates the stream <paramref name="name"/> under <paramref name="seed"/>.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="name">The stream's name, for example <c>dibao.take_up</c>; use one name per random decision.</param>
    public RandomStream(ulong seed, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Seed = seed;
        Name = name;
        _key = Mix(seed ^ Mix(Fnv1a(name)));
    }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>The stream's name.</summary>
    public string Name { get; }

    /// <summary>A uniform draw in [0, 1) for entity <paramref name="id"/>; <paramref name="draw"/> numbers further draws for the same entity (replicates, months).</summary>
    /// <param name="id">The person's or household's id.</param>
    /// <param name="draw">The draw index, 0 for the first.</param>
    public double Uniform(long id, int draw = 0)
    {
        ulong bits = Mix(_key ^ Mix(unchecked((ulong)id) + (0x9E3779B97F4A7C15UL * (ulong)(uint)draw)));
        return (bits >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A uniform draw in the open interval (0, 1), safe for inverse CDFs and logarithms.</summary>
    /// <param name="id">The person's or household's id.</param>
    /// <param name="draw">The draw index.</param>
    public double OpenUniform(long id, int draw = 0)
    {
        ulong bits = Mix(_key ^ Mix(unchecked((ulong)id) + (0x9E3779B97F4A7C15UL * (ulong)(uint)draw)));
        return ((bits >> 11) + 0.5) * (1.0 / (1UL << 53));
    }

    /// <summary>
    /// A sequential generator for entity <paramref name="id"/> and replicate <paramref name="replicate"/>, for rules
    /// that need several draws per person (a two-part spending model, a Box–Muller normal). It is seeded from this
    /// stream's key, so it shares the stream's guarantees: the same person gets the same sequence in every run.
    /// </summary>
    /// <param name="id">The person's or household's id.</param>
    /// <param name="replicate">The replicate (Monte Carlo run) index, ≥ 0.</param>
    public PersonRandomStream Sequence(long id, int replicate = 0) => PersonRandomStream.Create(_key, id, replicate);

    /// <summary>Whether an event of probability <paramref name="probability"/> happens to entity <paramref name="id"/>: <c>Uniform(id, draw) &lt; probability</c>. Raising the probability never turns a yes into a no.</summary>
    /// <param name="id">The entity's id.</param>
    /// <param name="probability">The probability, in [0, 1].</param>
    /// <param name="draw">The draw index.</param>
    public bool Happens(long id, double probability, int draw = 0)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability must lie in [0, 1].");
        }

        return Uniform(id, draw) < probability;
    }

    /// <inheritdoc />
    public bool Equals(RandomStream other) => _key == other._key && Seed == other.Seed && Name == other.Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RandomStream other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _key.GetHashCode();

    /// <summary>Equality.</summary>
    public static bool operator ==(RandomStream left, RandomStream right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(RandomStream left, RandomStream right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => $"RandomStream('{Name}', seed {Seed})";

    private static ulong Mix(ulong z)
    {
        // SplitMix64 finaliser (Steele, Lea & Flood 2014).
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static ulong Fnv1a(string text)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 0x100000001B3UL);
        }

        return hash;
    }
}
