using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// Totals the simulated deaths and births are aligned to by sort-by-risk (as in LIAM2 and JAS-mine;
/// docs/projection.md#alignment): in each cell, persons are ranked by their probability minus their uniform draw
/// (then id) and the events go to the top of the ranking until the cell's weighted total is reached (a person is
/// taken while the running total plus half their weight stays within the target). Cells without a target keep the
/// independent draws.
/// </summary>
/// <param name="Deaths">Death totals by sex and age.</param>
/// <param name="Births">Birth totals by mother's age (sex <see cref="Sex.Female"/>).</param>
/// <param name="Tag">Provenance tag of the totals (P N L D U I).</param>
/// <param name="Source">Where the totals come from.</param>
public sealed record AlignmentTargets(IReadOnlyList<AlignmentTarget> Deaths, IReadOnlyList<AlignmentTarget> Births, string Tag, string Source)
{
    internal void Validate()
    {
        AssumptionSource.Check("alignment totals", Tag, Source);
        Check(Deaths, "death");
        Check(Births, "birth");
        if (Births.FirstOrDefault(t => t.Sex != Sex.Female) is { } male)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The birth total of {male.Year}, ages {male.AgeFrom}–{male.AgeTo}, is for men; birth totals are by mother's age."));
        }
    }

    private static void Check(IReadOnlyList<AlignmentTarget> targets, string what)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var t in targets)
        {
            if (t.AgeFrom < 0 || t.AgeTo > 120 || t.AgeFrom > t.AgeTo || !double.IsFinite(t.Total) || t.Total < 0)
            {
                throw new ArgumentException(string.Create(c, $"The {what} total of {t.Year}, {t.Sex}, ages {t.AgeFrom}–{t.AgeTo}, is {t.Total}; expected ages within 0–120 in order and a finite total ≥ 0."));
            }

            if (targets.FirstOrDefault(o => !ReferenceEquals(o, t) && o.Year == t.Year && o.Sex == t.Sex && o.AgeFrom <= t.AgeTo && t.AgeFrom <= o.AgeTo) is { } overlap)
            {
                throw new ArgumentException(string.Create(c, $"The {what} totals of {t.Year}, {t.Sex}, ages {t.AgeFrom}–{t.AgeTo} and {overlap.AgeFrom}–{overlap.AgeTo} overlap."));
            }
        }
    }

    /// <summary>
    /// The aligned decisions of one year: for each person in a cell with a target, whether the event happens (null
    /// entries are outside every cell). <paramref name="eligible"/> says who can have the event.
    /// </summary>
    internal static bool?[] Select(IReadOnlyList<AlignmentTarget> targets, int year, long[] ids, Sex[] sex, byte[] age, double[] weight, bool[] eligible, Func<int, double> risk, Func<int, double> uniform)
    {
        var decision = new bool?[ids.Length];
        foreach (var t in targets.Where(t => t.Year == year))
        {
            var cell = Enumerable.Range(0, ids.Length).Where(p => eligible[p] && sex[p] == t.Sex && age[p] >= t.AgeFrom && age[p] <= t.AgeTo)
                .Select(p => (Person: p, Score: risk(p) - uniform(p)))
                .OrderByDescending(x => x.Score).ThenBy(x => ids[x.Person]).ToArray();
            double taken = 0;
            bool full = false;
            foreach (var (p, _) in cell)
            {
                full |= taken + (weight[p] / 2) > t.Total;
                decision[p] = !full;
                taken += full ? 0 : weight[p];
            }
        }

        return decision;
    }
}
