using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// Runs a status program's pass, then copies its eligibility flag to its on-roll flag for the block: run by its rule
/// alone, a program's roll is exactly its eligible units. <c>Targeting.TargetedProgram</c> rewrites the on-roll flag
/// after take-up and identification errors, leaving eligibility as the rule computed it.
/// </summary>
internal sealed class OnRollPass(ProgramPass inner, string eligible, string onRoll, Entity entity) : ProgramPass
{
    public override void Execute(ProgramContext context)
    {
        inner.Execute(context);
        var start = context.Population.MemberStart;
        int first = entity == Entity.Person ? start[context.FirstHousehold] : context.FirstHousehold;
        int end = entity == Entity.Person ? start[context.EndHousehold] : context.EndHousehold;
        context.Read(eligible)[first..end].CopyTo(context.Write(onRoll)[first..end]);
    }
}
