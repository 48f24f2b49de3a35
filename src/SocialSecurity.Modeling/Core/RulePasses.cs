namespace SocialSecurity.Modeling.Core;

/// <summary>The loop of a per-person rule: households of the block in order, their members in order.</summary>
internal sealed class PersonRulePass<TRule, TBlock>(TRule rule) : ProgramPass
    where TRule : struct, IPersonRule<TBlock>
    where TBlock : allows ref struct
{
    // A rule that keeps the interface's empty Release is not called: calling a default interface method on a struct boxes it.
    private static readonly bool Releases = RuleRelease.Implemented(typeof(TRule), typeof(IPersonRule<TBlock>));
    private readonly TRule _rule = rule;

    public override void Execute(ProgramContext context)
    {
        var rule = _rule; // a local copy: calls on a readonly field would copy the struct per call
        var population = context.Population;
        var start = population.MemberStart;
        var regions = population.HouseholdRegion;
        var explanation = context.Explanation;
        var household = population.PersonHousehold;
        var block = rule.Bind(context);
        try
        {
            // One flat loop over the block's persons, each person's household read from the person's row: a nested
            // loop over households and their two or three members mispredicts its exit once per household.
            int end = start[context.EndHousehold];
            for (int p = start[context.FirstHousehold]; p < end; p++)
            {
                int h = household[p];
                rule.Compute(ref block, new PersonRow(p, h, p - start[h] + 1, regions[h]), explanation);
            }
        }
        finally
        {
            if (Releases)
            {
                rule.Release(ref block);
            }
        }
    }
}

/// <summary>The loop of a per-household rule: households of the block in order.</summary>
internal sealed class HouseholdRulePass<TRule, TBlock>(TRule rule) : ProgramPass
    where TRule : struct, IHouseholdRule<TBlock>
    where TBlock : allows ref struct
{
    // A rule that keeps the interface's empty Release is not called: calling a default interface method on a struct boxes it.
    private static readonly bool Releases = RuleRelease.Implemented(typeof(TRule), typeof(IHouseholdRule<TBlock>));
    private readonly TRule _rule = rule;

    public override void Execute(ProgramContext context)
    {
        var rule = _rule; // a local copy: calls on a readonly field would copy the struct per call
        var population = context.Population;
        var start = population.MemberStart;
        var regions = population.HouseholdRegion;
        var explanation = context.Explanation;
        var block = rule.Bind(context);
        try
        {
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                rule.Compute(ref block, new HouseholdRow(h, start[h], start[h + 1], regions[h]), explanation);
            }
        }
        finally
        {
            if (Releases)
            {
                rule.Release(ref block);
            }
        }
    }
}

/// <summary>Whether a rule struct implements <c>Release</c> itself, rather than keeping the interface's empty default.</summary>
internal static class RuleRelease
{
    public static bool Implemented(Type rule, Type ruleInterface)
    {
        var map = rule.GetInterfaceMap(ruleInterface);
        for (int i = 0; i < map.InterfaceMethods.Length; i++)
        {
            if (map.InterfaceMethods[i].Name == "Release")
            {
                return map.TargetMethods[i].DeclaringType != ruleInterface;
            }
        }

        return true;
    }
}
