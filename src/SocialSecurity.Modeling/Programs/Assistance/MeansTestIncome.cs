using System.Buffers;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// A household's income as the means tests count it: the sum over members of the given person variables, each
/// annualised by its own period (× 12 for monthly), in yuan per year. Prepared once per run; summed per block into
/// a pooled buffer (no per-person allocation). The engine of <see cref="HouseholdIncomeProgram"/>.
/// </summary>
internal sealed class MeansTestIncome
{
    private readonly string[] _variables;
    private readonly double[] _toAnnual;
    private readonly CentralBasicPensionExclusion? _exclusion;

    /// <summary>Resolves each variable's period; a variable that is not a person amount per month or year is rejected before the run.</summary>
    /// <param name="setup">The run's setup.</param>
    /// <param name="variables">The person variables summed.</param>
    /// <param name="program">The program's label, for messages.</param>
    /// <param name="exclusion">The central basic pension left out of one of the variables, or null for none.</param>
    public MeansTestIncome(ProgramSetup setup, string[] variables, string program, CentralBasicPensionExclusion? exclusion = null)
    {
        _variables = variables;
        _exclusion = exclusion is { AppliesAnywhere: true } ? exclusion : null;
        _toAnnual = variables.Select(name =>
        {
            var variable = setup.Variable(name);
            return variable.Entity == Entity.Person && variable.Period != AmountPeriod.None
                ? variable.ToAnnualFactor
                : throw new InvalidOperationException($"{program} income variable '{name}' must be a person amount per month or per year; it is a {variable.Entity.ToString().ToLowerInvariant()} variable with period {variable.Period}.");
        }).ToArray();
    }

    /// <summary>The person variables summed.</summary>
    public IReadOnlyList<string> Variables => _variables;

    /// <summary>
    /// The annual income of each household of the block, indexed by household − <see cref="ProgramContext.FirstHousehold"/>,
    /// in a pooled buffer to give back with <see cref="Return"/>. Members' values are added person by person, then per household in member order.
    /// </summary>
    public double[] Rent(ProgramContext context)
    {
        var result = ArrayPool<double>.Shared.Rent(context.EndHousehold - context.FirstHousehold);
        SumInto(context, result.AsSpan(0, context.EndHousehold - context.FirstHousehold));
        return result;
    }

    /// <summary>
    /// Writes the annual income of each household of the block into <paramref name="output"/> (indexed by household −
    /// <see cref="ProgramContext.FirstHousehold"/>), every row. Members' values are added person by person into a
    /// pooled buffer, from +0.0, then per household in member order.
    /// </summary>
    public void SumInto(ProgramContext context, Span<double> output)
    {
        var start = context.Population.MemberStart;
        int first = context.FirstHousehold, end = context.EndHousehold;
        int firstPerson = start[first], endPerson = start[end];
        int persons = endPerson - firstPerson;
        var perPerson = ArrayPool<double>.Shared.Rent(persons);
        var members = perPerson.AsSpan(0, persons);
        bool written = false; // until a column is added, the buffer holds garbage: the first column sets it to +0.0 + value × factor
        for (int v = 0; v < _variables.Length; v++)
        {
            var column = context.Read(_variables[v]);
            if (ZeroColumns.Holds(column))
            {
                continue; // an optional column the population was not given: adding zeros to +0.0 sums changes no bit
            }

            if (_exclusion is { } exclusion && _variables[v] == exclusion.Variable)
            {
                if (!written)
                {
                    members.Clear();
                    written = true;
                }

                exclusion.AddCounted(members, column, _toAnnual[v], context.Population, first, end);
                continue;
            }

            if (written)
            {
                ColumnMath.AddScaled(members, column[firstPerson..endPerson], _toAnnual[v]);
            }
            else
            {
                ColumnMath.SetScaled(members, column[firstPerson..endPerson], _toAnnual[v]);
                written = true;
            }
        }

        if (!written)
        {
            members.Clear();
        }

        ColumnMath.SumByHousehold(members, start, first, end, output);
        ArrayPool<double>.Shared.Return(perPerson);
    }

    /// <summary>Gives back a buffer from <see cref="Rent"/>.</summary>
    public static void Return(double[] buffer) => ArrayPool<double>.Shared.Return(buffer);

}
