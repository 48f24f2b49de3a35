namespace SocialSecurity.Modeling.Core;

/// <summary>Continuing education this year, for the income-tax deduction (继续教育专项附加扣除).</summary>
public enum ContinuingEducation : byte
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>In degree study (学历继续教育) during the year: a monthly deduction.</summary>
    Degree = 1,

    /// <summary>Obtained a vocational qualification certificate this year: a once-a-year deduction.</summary>
    Certificate = 2,
}
