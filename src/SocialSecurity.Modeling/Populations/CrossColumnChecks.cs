using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations;

/// <summary>
/// The checks that relate several built-in columns, run once by <see cref="PopulationBuilder.Build"/> after every
/// column has passed its own range check: a bonus is part of wages; a child or parent deduction needs the child or the
/// parent; work-injury details need a grade. Each problem names the row (in the order added), the id and the column.
/// </summary>
internal static class CrossColumnChecks
{
    /// <summary>The age from which a child counts for the children's-education deduction (pre-school education).</summary>
    internal const int EducationFromAge = 3;

    /// <summary>Up to this age a child counts for the education deduction without being a student (pre-school years).</summary>
    internal const int PreSchoolToAge = 5;

    /// <summary>Reports every inconsistency of <paramref name="population"/> through <paramref name="problem"/>.</summary>
    /// <param name="population">The population, persons in member order.</param>
    /// <param name="addedRow">For each person in member order, the row it was added as; <see langword="null"/> when persons were added in member order.</param>
    /// <param name="problem">Receives one message per problem.</param>
    /// <param name="isAllZero">Says which columns are known to be all zeros without reading them (optional columns a columnar build was not given); <see langword="null"/> when none is.</param>
    /// <remarks>Each check first looks (vectorised) for a value that could fail it, and skips its loop when the columns it needs hold none: a bonus, a claim, work-injury details, claimed children.</remarks>
    public static void Run(Population population, int[]? addedRow, Action<string> problem, Func<ColumnDefinition, bool>? isAllZero = null)
    {
        bool Any<T>(ColumnDefinition column, ReadOnlySpan<T> values)
            where T : unmanaged
            => isAllZero?.Invoke(column) != true && !population.IsAllZero(column) && AnyNonZero(values);

        if (Any(PopulationSchema.AnnualBonus, population.AnnualBonus) || Any(PopulationSchema.ElderlyParents, population.ElderlyParentClaim)
            || Any(PopulationSchema.WorkInjuryNew, population.WorkInjuryAssessedThisYear) || Any(PopulationSchema.WorkInjuryNursing, population.WorkInjuryNursing))
        {
            PersonChecks(population, addedRow, problem);
        }

        if (Any(PopulationSchema.ChildrenUnder3, population.ChildrenUnder3) || Any(PopulationSchema.ChildrenInEducation, population.ChildrenInEducation))
        {
            HouseholdChecks(population, problem);
        }
    }

    /// <summary>Whether any value has a bit set (a −0.0 counts, which only means the loop runs).</summary>
    private static bool AnyNonZero<T>(ReadOnlySpan<T> values)
        where T : unmanaged
        => System.Runtime.InteropServices.MemoryMarshal.AsBytes(values).ContainsAnyExcept((byte)0);

    private static void PersonChecks(Population population, int[]? addedRow, Action<string> problem)
    {
        var wages = population.WagesAnnual;
        var bonus = population.AnnualBonus;
        var parents = population.ParentsAged60Plus;
        var claim = population.ElderlyParentClaim;
        var grade = population.WorkInjuryGrade;
        var assessed = population.WorkInjuryAssessedThisYear;
        var nursing = population.WorkInjuryNursing;
        for (int i = 0; i < population.PersonCount; i++)
        {
            if (bonus[i] > wages[i])
            {
                problem(string.Create(CultureInfo.InvariantCulture, $"column 'annual_bonus', {Where(i)}: the bonus {bonus[i]} is more than the wages {wages[i]} (column 'wages_annual') it is part of; expected 0 ≤ annual_bonus ≤ wages_annual"));
            }

            if (claim[i] != ElderlyParentClaim.None && parents[i] == 0)
            {
                problem($"column 'elderly_parent_claim', {Where(i)}: claims the elderly-parent deduction ({ColumnDefinition.SnakeCase(claim[i].ToString())}) but declares no parent aged 60 or more (column 'parents_60_plus' is 0); expected none, or parents_60_plus ≥ 1");
            }

            if (grade[i] == 0 && (assessed[i] != 0 || nursing[i] != NursingDependency.None))
            {
                string column = assessed[i] != 0 ? "work_injury_new" : "work_injury_nursing";
                problem($"column '{column}', {Where(i)}: work-injury details are given without a work-injury grade (column 'work_injury_grade' is 0); expected a grade 1–10, or no details");
            }
        }

        string Where(int i) => string.Create(CultureInfo.InvariantCulture, $"person row {(addedRow is null ? i : addedRow[i])} (id {population.PersonId[i]})");
    }

    private static void HouseholdChecks(Population population, Action<string> problem)
    {
        var householdId = population.HouseholdId;
        var memberStart = population.MemberStart;
        var age = population.Age;
        var employment = population.Employment;
        var inEducation = population.ChildrenInEducation;
        var under3 = population.ChildrenUnder3;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            int infants = 0, pupils = 0;
            for (int p = memberStart[h]; p < memberStart[h + 1]; p++)
            {
                if (age[p] < EducationFromAge)
                {
                    infants++;
                }
                else if (age[p] <= PreSchoolToAge || employment[p] == EmploymentStatus.Student)
                {
                    pupils++;
                }
            }

            if (under3[h] > infants)
            {
                problem(string.Create(CultureInfo.InvariantCulture, $"column 'children_under_3', household row {h} (id {householdId[h]}): {under3[h]} children under 3 are claimed but the household has {infants} member(s) aged 0–2; expected at most {infants}"));
            }

            if (inEducation[h] > pupils)
            {
                problem(string.Create(CultureInfo.InvariantCulture, $"column 'children_in_education', household row {h} (id {householdId[h]}): {inEducation[h]} children in education are claimed but the household has {pupils} member(s) aged {EducationFromAge}–{PreSchoolToAge} or in full-time education (employment 'student'); expected at most {pupils}"));
            }
        }
    }
}
