namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>
/// The social-assistance status that decides whether the government pays a resident's pension contribution on
/// their behalf (代缴). When a person has both, <see cref="Destitute"/> applies (the larger share).
/// </summary>
/// <remarks>
/// Legal basis: 国发〔2014〕8号 art. 5 lets local governments pay part or all of the lowest tier for people who have
/// difficulty paying; Xinjiang pays 50% for dibao recipients and 100% for destitute persons (docs/rules/pension.resident.md [P]).
/// The severely disabled and registered poverty-alleviated people, who also keep the lowest tier in Xinjiang, have
/// no documented government-paid share and are not modelled separately.
/// </remarks>
public enum AssistanceStatus
{
    /// <summary>No assistance status: the person pays their whole tier.</summary>
    None = 0,

    /// <summary>A member of a dibao household (最低生活保障对象).</summary>
    DibaoRecipient = 1,

    /// <summary>A destitute person (特困人员).</summary>
    Destitute = 2,
}
