namespace SocialSecurity.Modeling.Core;

/// <summary>
/// The one naming rule shared by variables, population columns and parameters: lower-case ASCII letters, digits,
/// '_' and '.', starting with a letter, with no empty segment (<c>dibao.standard.urban</c>,
/// <c>person.wages_annual</c>).
/// </summary>
internal static class VariableNames
{
    /// <summary>Whether <paramref name="name"/> follows the naming rule.</summary>
    public static bool IsValid(string name)
        => name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_')
            && !name.Contains("..", StringComparison.Ordinal) && !name.EndsWith('.');
}
