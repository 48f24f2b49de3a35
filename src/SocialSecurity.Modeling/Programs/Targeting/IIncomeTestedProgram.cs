using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Targeting;

/// <summary>
/// A household means-tested program whose income test compares the household's income with a threshold, and whose
/// amount can be computed at another income: what <see cref="TargetedProgram"/> needs to draw inclusion errors (错保)
/// only for households near the threshold and to pay a household wrongly on the roll the amount its under-reported
/// income gives. Implemented by the dibao programs (docs/rules/dibao_targeted.md#inclusion-errors).
/// </summary>
public interface IIncomeTestedProgram
{
    /// <summary>The household variable holding the income the test uses, yuan per year (a negative value counts as 0).</summary>
    string TestedIncomeVariable { get; }

    /// <summary>
    /// The household money output a household on the roll by an inclusion error is paid at its reported income, or
    /// <see langword="null"/> when the program pays nothing itself (a status such as dibao-marginal).
    /// </summary>
    string? AmountVariable { get; }

    /// <summary>The income test of one run, with the program's parameters resolved where the households live.</summary>
    /// <param name="setup">The run's setup (population, date, parameters).</param>
    IIncomeTest PrepareIncomeTest(ProgramSetup setup);
}

/// <summary>The income test of an <see cref="IIncomeTestedProgram"/> for one run.</summary>
public interface IIncomeTest
{
    /// <summary>The threshold of household <paramref name="household"/>, yuan per year: it passes the income test when its income is below it (for dibao, n × S).</summary>
    /// <param name="household">A household index of the run's population.</param>
    double Threshold(int household);

    /// <summary>
    /// What the program's rule pays household <paramref name="household"/> if its income for the test were
    /// <paramref name="reportedIncome"/> (yuan per year) and it passed the other tests, in the unit and period of
    /// <see cref="IIncomeTestedProgram.AmountVariable"/>; 0 when that income does not pass the income test.
    /// </summary>
    /// <param name="household">A household index of the run's population.</param>
    /// <param name="reportedIncome">The income the household reports, yuan per year.</param>
    double AmountAt(int household, double reportedIncome);
}
