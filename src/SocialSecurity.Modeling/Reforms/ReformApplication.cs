using SocialSecurity.Modeling.Parameters;

namespace SocialSecurity.Modeling.Reforms;

/// <summary>Applies a <see cref="Reform"/> to a <see cref="ParameterStore"/>: the one place where reforms meet parameters.</summary>
public static class ReformApplication
{
    /// <summary>
    /// The store with <paramref name="reform"/> applied. Every change is validated first (the parameter exists; the
    /// region is in the catalogue; a set value has the parameter's shape and lies in its range; a scale factor is
    /// finite and non-negative; the dates are ordered), and so is the value after each change in every region at or
    /// below its region and on every date in its interval where the value in force can change (a change that is out of
    /// range only in one city, or only from a later date, is rejected here, not in a run); all problems are reported
    /// together and nothing is applied. See <c>docs/parameter-validation.md</c>. A set value reaches every region below
    /// its own (unless the change keeps their own values); the lower regions' own values each change replaced, kept or
    /// adjusted are listed in the returned store's <see cref="ParameterStore.ReformWarnings"/>.
    /// </summary>
    /// <param name="store">The baseline store (or a store with earlier reforms applied).</param>
    /// <param name="reform">The reform.</param>
    /// <exception cref="ReformValidationException">The reform does not fit the store.</exception>
    public static ParameterStore WithReform(this ParameterStore store, Reform reform)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reform);
        return store.WithOverrides(reform.Name, reform.Overrides, reform.Source);
    }
}
