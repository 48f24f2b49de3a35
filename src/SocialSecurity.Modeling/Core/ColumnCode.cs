namespace SocialSecurity.Modeling.Core;

/// <summary>One allowed value of a <see cref="ColumnType.Code"/> or <see cref="ColumnType.Flag"/> column: its number and its canonical name in files.</summary>
/// <param name="Value">The code as stored (0–255).</param>
/// <param name="Name">The canonical text value, lower case (for example <c>male</c>, <c>self_employed</c>).</param>
public readonly record struct ColumnCode(byte Value, string Name);
