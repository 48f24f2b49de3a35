using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// Runs a status program's pass, then copies its eligibility flag to its on-roll flag for the block: run by its rule
/// alone, a program's roll is exactly its eligible units. <c>Targeting.TargetedProgram</c> rewrites the on-roll flag
/// after take-up and identification errors, leaving eligibility as the rule computed it. A program run by its rule
/// alone says so (<see cref="PolicyProgram.CopiedOutput"/>): the engine then gives both flags one column and the copy
/// is skipped.
/// </summary>
internal sealed class OnRollPass(ProgramPass inner, string eligible, string onRoll, Entity entity) : ProgramPass
{
    public override void Execute(ProgramContext context)
    {
        inner.Execute(context);
        var start = context.Population.MemberStart;
        int first = entity == Entity.Person ? start[context.FirstHousehold] : context.FirstHousehold;
        int end = entity == Entity.Person ? start[context.EndHousehold] : context.EndHousehold;
        var source = context.Read(eligible);
        var target = context.Write(onRoll);
        if (!Unsafe.AreSame(ref MemoryMarshal.GetReference(source), ref MemoryMarshal.GetReference(target)))
        {
            source[first..end].CopyTo(target[first..end]);
        }
    }
}
