namespace SocialSecurity.Modeling.Core;

/// <summary>Checks of the variable names given to programs' constructors (<see cref="RuleProgram"/> and others).</summary>
internal static class RuleArguments
{
    /// <summary>Household status variables: at least one, none empty, duplicates removed.</summary>
    public static string[] StatusVariables(IEnumerable<string> names, string argument)
    {
        ArgumentNullException.ThrowIfNull(names, argument);
        var list = names.Distinct(StringComparer.Ordinal).ToArray();
        if (list.Length == 0 || list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one non-empty household status variable.", argument);
        }

        return list;
    }

    /// <summary>A required variable name: not null, empty or white space.</summary>
    public static string Required(string name, string argument)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw name is null ? new ArgumentNullException(argument) : new ArgumentException("The variable name cannot be empty or white space.", argument);
        }

        return name;
    }

    /// <summary>An optional column name: <see langword="null"/>, or not empty.</summary>
    public static string? Optional(string? name, string argument)
    {
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("The column name cannot be empty or white space.", argument);
        }

        return name;
    }

    /// <summary>A list of variable names: at least one unless <paramref name="allowEmpty"/>, none empty, duplicates removed.</summary>
    public static string[] Check(IEnumerable<string> names, string argument, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(names, argument);
        var list = names.Distinct(StringComparer.Ordinal).ToArray();
        if (list.Length == 0 && !allowEmpty)
        {
            throw new ArgumentException("At least one variable is needed.", argument);
        }

        foreach (var name in list)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("Variable names cannot be empty.", argument);
            }
        }

        return list;
    }
}
