using SocialSecurity.Modeling.Populations;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// The household ids of a household file, to tell whether a person's household is there (orphan persons), without a
/// hash set when the ids allow: ids that rise by one (1, 2, 3, …, as files written by the library hold them) are a
/// range test; rising ids a binary search from the last household found (persons usually come in household order);
/// any other order a hash set.
/// </summary>
internal sealed class HouseholdIdSet
{
    private readonly long[] _ids;
    private readonly bool _dense;
    private readonly HashSet<long>? _set;
    private int _last;

    /// <summary>The ids of <paramref name="ids"/> (the array is kept, not copied).</summary>
    public HouseholdIdSet(long[] ids)
    {
        _ids = ids;
        if (PopulationLayout.IsStrictlyIncreasing(ids))
        {
            _dense = ids.Length > 0 && ids[^1] - ids[0] == ids.Length - 1;
        }
        else
        {
            _set = [.. ids];
        }
    }

    /// <summary>Whether <paramref name="id"/> is one of the ids.</summary>
    public bool Contains(long id)
    {
        if (_set is not null)
        {
            return _set.Contains(id);
        }

        if (_ids.Length == 0)
        {
            return false;
        }

        if (_dense)
        {
            return (ulong)(id - _ids[0]) < (ulong)_ids.Length;
        }

        // The same household as the last person's, or the next one, before a search.
        int last = _last;
        if (_ids[last] == id || (last + 1 < _ids.Length && _ids[++last] == id))
        {
            _last = last;
            return true;
        }

        int found = Array.BinarySearch(_ids, id);
        if (found >= 0)
        {
            _last = found;
            return true;
        }

        return false;
    }
}
