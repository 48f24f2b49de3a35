using System.Collections.Frozen;
using System.Text.Json;
using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Regions;

/// <summary>
/// An immutable hierarchy of regions (nation → province → prefecture → county). Parameters are looked up by
/// walking from a region up to the nation, so a city inherits its province's values unless it sets its own.
/// </summary>
/// <remarks>
/// The built-in catalogue (<see cref="Default"/>) covers the four provinces of the reference study and the places
/// it names. Load a wider one with <see cref="Load(string)"/>; the file has the same shape as the embedded
/// <c>Data/regions/regions.json</c>.
/// </remarks>
public sealed class RegionCatalog
{
    private static readonly Lazy<RegionCatalog> DefaultCatalog =
        new(() => Parse(EmbeddedData.Read("regions/regions.json"), "Data/regions/regions.json"));

    private readonly Region[] _regions;
    private readonly ushort[] _parent; // index of parent; ushort.MaxValue for the root
    private readonly byte[] _depth;
    private readonly FrozenDictionary<string, ushort> _byCode;

    private RegionCatalog(Region[] regions, ushort[] parent, byte[] depth, FrozenDictionary<string, ushort> byCode)
    {
        _regions = regions;
        _parent = parent;
        _depth = depth;
        _byCode = byCode;
    }

    /// <summary>The built-in catalogue shipped with the library.</summary>
    public static RegionCatalog Default => DefaultCatalog.Value;

    /// <summary>The number of regions.</summary>
    public int Count => _regions.Length;

    /// <summary>The root of the hierarchy (the nation).</summary>
    public RegionId Root { get; private init; }

    /// <summary>All regions, in catalogue order (a region's <see cref="RegionId.Index"/> is its position here).</summary>
    public IReadOnlyList<Region> Regions => _regions;

    /// <summary>The region behind a handle.</summary>
    /// <param name="id">A handle from this catalogue.</param>
    public Region this[RegionId id] => _regions[CheckId(id)];

    /// <summary>Loads a catalogue from a JSON file with the shape of the embedded <c>Data/regions/regions.json</c>.</summary>
    /// <param name="path">The file to read.</param>
    /// <exception cref="DataFormatException">The file is malformed; the message names the JSON path.</exception>
    public static RegionCatalog Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>The handle of the region with <paramref name="code"/>.</summary>
    /// <param name="code">A six-digit GB/T 2260 code present in this catalogue.</param>
    /// <exception cref="UnknownRegionException">No region has that code.</exception>
    public RegionId GetId(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _byCode.TryGetValue(code, out var index)
            ? new RegionId(index)
            : throw new UnknownRegionException(code);
    }

    /// <summary>Looks up a region code without throwing.</summary>
    /// <param name="code">The code to look up.</param>
    /// <param name="id">The handle, when found.</param>
    /// <returns><see langword="true"/> when the code is in the catalogue.</returns>
    public bool TryGetId(string code, out RegionId id)
    {
        if (code is not null && _byCode.TryGetValue(code, out var index))
        {
            id = new RegionId(index);
            return true;
        }

        id = default;
        return false;
    }

    /// <summary>The parent of a region, or <see langword="null"/> for the nation.</summary>
    /// <param name="id">A handle from this catalogue.</param>
    public RegionId? Parent(RegionId id)
    {
        var parent = _parent[CheckId(id)];
        return parent == ushort.MaxValue ? null : new RegionId(parent);
    }

    /// <summary>The region itself, then its parent, and so on up to the nation: the order in which parameters are looked up.</summary>
    /// <param name="id">A handle from this catalogue.</param>
    public IEnumerable<RegionId> SelfAndAncestors(RegionId id)
    {
        int index = CheckId(id);
        while (index != ushort.MaxValue)
        {
            yield return new RegionId((ushort)index);
            index = _parent[index];
        }
    }

    /// <summary>Whether <paramref name="id"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    /// <param name="id">The region to test.</param>
    /// <param name="ancestor">The enclosing region.</param>
    public bool IsWithin(RegionId id, RegionId ancestor)
    {
        int index = CheckId(id);
        CheckId(ancestor);
        while (index != ushort.MaxValue)
        {
            if (index == ancestor.Index)
            {
                return true;
            }

            index = _parent[index];
        }

        return false;
    }

    /// <summary>The province that contains a region (the region itself for a province), or <see langword="null"/> for the nation.</summary>
    /// <param name="id">A handle from this catalogue.</param>
    public RegionId? Province(RegionId id)
    {
        int index = CheckId(id);
        while (index != ushort.MaxValue && _depth[index] > 1)
        {
            index = _parent[index];
        }

        return index == ushort.MaxValue || _depth[index] == 0 ? null : new RegionId((ushort)index);
    }

    /// <summary>The regions directly below <paramref name="id"/>.</summary>
    /// <param name="id">A handle from this catalogue.</param>
    public IEnumerable<RegionId> Children(RegionId id)
    {
        CheckId(id);
        for (int i = 0; i < _parent.Length; i++)
        {
            if (_parent[i] == id.Index)
            {
                yield return new RegionId((ushort)i);
            }
        }
    }

    private int CheckId(RegionId id)
        => id.Index < _regions.Length
            ? id.Index
            : throw new ArgumentOutOfRangeException(nameof(id), id.Index, $"Region handle {id.Index} is not in this catalogue of {_regions.Length} regions.");

    internal static RegionCatalog Parse(byte[] utf8, string file)
    {
        using var document = Json.Parse(utf8, file);
        var root = document.RootElement;
        var items = Json.Required(root, "regions", file, "$");
        if (items.ValueKind != JsonValueKind.Array)
        {
            throw new DataFormatException(file, "$.regions", "expected an array of regions");
        }

        var regions = new List<Region>();
        int i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = Json.Item("$.regions", i++);
            Json.NoUnknownProperties(item, file, path, "code", "name", "pinyin", "level", "parent");
            var code = Json.RequiredString(item, "code", file, path);
            if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            {
                throw new DataFormatException(file, path + ".code", $"expected a six-digit GB/T 2260 code, found '{code}'");
            }

            var levelText = Json.RequiredString(item, "level", file, path);
            var level = levelText switch
            {
                "nation" => RegionLevel.Nation,
                "province" => RegionLevel.Province,
                "prefecture" => RegionLevel.Prefecture,
                "county" => RegionLevel.County,
                _ => throw new DataFormatException(file, path + ".level", $"expected nation, province, prefecture or county, found '{levelText}'"),
            };
            regions.Add(new Region(code, Json.RequiredString(item, "name", file, path), Json.RequiredString(item, "pinyin", file, path), level, Json.OptionalString(item, "parent", file, path)));
        }

        if (regions.Count == 0 || regions.Count >= ushort.MaxValue)
        {
            throw new DataFormatException(file, "$.regions", $"expected between 1 and {ushort.MaxValue - 1} regions, found {regions.Count}");
        }

        var byCode = new Dictionary<string, ushort>(StringComparer.Ordinal);
        for (int r = 0; r < regions.Count; r++)
        {
            if (!byCode.TryAdd(regions[r].Code, (ushort)r))
            {
                throw new DataFormatException(file, Json.Item("$.regions", r) + ".code", $"duplicate region code '{regions[r].Code}'");
            }
        }

        var parent = new ushort[regions.Count];
        int rootCount = 0;
        ushort rootIndex = 0;
        for (int r = 0; r < regions.Count; r++)
        {
            var region = regions[r];
            var path = Json.Item("$.regions", r);
            if (region.ParentCode is null)
            {
                if (region.Level != RegionLevel.Nation)
                {
                    throw new DataFormatException(file, path + ".parent", $"only the nation may have no parent; region '{region.Code}' is a {region.Level}");
                }

                parent[r] = ushort.MaxValue;
                rootCount++;
                rootIndex = (ushort)r;
                continue;
            }

            if (!byCode.TryGetValue(region.ParentCode, out var p))
            {
                throw new DataFormatException(file, path + ".parent", $"parent code '{region.ParentCode}' is not in the catalogue");
            }

            if (regions[p].Level >= region.Level)
            {
                throw new DataFormatException(file, path + ".parent", $"parent '{region.ParentCode}' ({regions[p].Level}) must be at a higher level than '{region.Code}' ({region.Level})");
            }

            parent[r] = p;
        }

        if (rootCount != 1)
        {
            throw new DataFormatException(file, "$.regions", $"expected exactly one region of level 'nation' without a parent, found {rootCount}");
        }

        var depth = new byte[regions.Count];
        for (int r = 0; r < regions.Count; r++)
        {
            depth[r] = (byte)regions[r].Level;
        }

        return new RegionCatalog(regions.ToArray(), parent, depth, byCode.ToFrozenDictionary(StringComparer.Ordinal)) { Root = new RegionId(rootIndex) };
    }
}
