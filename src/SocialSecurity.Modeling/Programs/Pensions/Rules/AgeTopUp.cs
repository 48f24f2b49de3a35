using SocialSecurity.Modeling.Money;

namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>
/// A monthly amount added to the resident pension from a given age on: a local age top-up of the basic pension
/// (Yangzhou: +5 yuan/month from 65, from January 2020 [P]) or an old-age allowance paid with it (Zhejiang: aged
/// 80+ [P], amount [I] 30 yuan/month). docs/rules/pension.resident.md. An amount of zero means no top-up.
/// </summary>
/// <param name="FromAge">The age in completed years from which the amount is paid (inclusive).</param>
/// <param name="Amount">The amount, yuan per month (≥ 0).</param>
public readonly record struct AgeTopUp(int FromAge, MonthlyYuan Amount)
{
    /// <summary>No top-up.</summary>
    public static AgeTopUp None => default;

    /// <summary>The top-up paid at <paramref name="age"/>: <see cref="Amount"/> when age ≥ <see cref="FromAge"/>, else 0.</summary>
    /// <param name="age">Age in completed years (0–120).</param>
    /// <exception cref="ArgumentOutOfRangeException">The age is outside 0–120.</exception>
    public MonthlyYuan At(int age)
    {
        if (age is < 0 or > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(age), age, "An age must be between 0 and 120 years.");
        }

        return age >= FromAge ? Amount : MonthlyYuan.Zero;
    }
}
