using Mono.Cecil;

namespace SocialSecurity.Modeling.Tests.Architecture;

/// <summary>
/// The namespace-to-namespace references of the library assembly, read from its IL with Mono.Cecil: every type a
/// type mentions in its base type, interfaces, attributes, fields, properties, events, method signatures, local
/// variables and method bodies (calls, field accesses, type tokens), compiler-generated nested types included.
/// </summary>
internal static class NamespaceGraph
{
    public const string Root = "SocialSecurity.Modeling";

    /// <summary>The namespaces of the library's types.</summary>
    public static IReadOnlyList<string> Namespaces()
    {
        using var module = ModuleDefinition.ReadModule(typeof(SocialSecurity.Modeling.Regions.RegionId).Assembly.Location);
        return module.GetTypes().Select(OwnerNamespace).Where(n => n.Length > 0).Distinct().ToList();
    }

    /// <summary>Edges (from area, to area) with one example per edge.</summary>
    public static Dictionary<(string From, string To), string> Edges(Func<string, string> area)
    {
        var path = typeof(SocialSecurity.Modeling.Regions.RegionId).Assembly.Location;
        using var module = ModuleDefinition.ReadModule(path);
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in module.GetTypes())
        {
            var from = area(OwnerNamespace(type));
            if (from.Length == 0)
            {
                continue;
            }

            foreach (var (referenced, where) in References(type))
            {
                var ns = Namespace(referenced);
                if (ns is null || !ns.StartsWith(Root, StringComparison.Ordinal))
                {
                    continue;
                }

                var to = area(ns);
                if (to.Length == 0 || to == from)
                {
                    continue;
                }

                edges.TryAdd((from, to), $"{type.FullName} → {referenced.FullName} ({where})");
            }
        }

        return edges;
    }

    private static string OwnerNamespace(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    private static string? Namespace(TypeReference type)
    {
        while (type is TypeSpecification spec)
        {
            type = spec.ElementType;
        }

        if (type is GenericParameter)
        {
            return null;
        }

        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    private static IEnumerable<(TypeReference Type, string Where)> References(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            foreach (var t in Expand(type.BaseType))
            {
                yield return (t, "base type");
            }
        }

        foreach (var i in type.Interfaces)
        {
            foreach (var t in Expand(i.InterfaceType))
            {
                yield return (t, "interface");
            }
        }

        foreach (var a in type.CustomAttributes)
        {
            yield return (a.AttributeType, "attribute");
        }

        foreach (var field in type.Fields)
        {
            foreach (var t in Expand(field.FieldType))
            {
                yield return (t, $"field {field.Name}");
            }
        }

        foreach (var property in type.Properties)
        {
            foreach (var t in Expand(property.PropertyType))
            {
                yield return (t, $"property {property.Name}");
            }
        }

        foreach (var method in type.Methods)
        {
            foreach (var t in Expand(method.ReturnType))
            {
                yield return (t, $"{method.Name} return");
            }

            foreach (var p in method.Parameters)
            {
                foreach (var t in Expand(p.ParameterType))
                {
                    yield return (t, $"{method.Name} parameter {p.Name}");
                }
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var v in method.Body.Variables)
            {
                foreach (var t in Expand(v.VariableType))
                {
                    yield return (t, $"{method.Name} local");
                }
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        foreach (var e in Expand(t))
                        {
                            yield return (e, $"{method.Name} body");
                        }

                        break;
                    case MethodReference m:
                        foreach (var e in Expand(m.DeclaringType))
                        {
                            yield return (e, $"{method.Name} calls {m.Name}");
                        }

                        foreach (var e in Expand(m.ReturnType))
                        {
                            yield return (e, $"{method.Name} calls {m.Name}");
                        }

                        if (m is GenericInstanceMethod g)
                        {
                            foreach (var arg in g.GenericArguments)
                            {
                                foreach (var e in Expand(arg))
                                {
                                    yield return (e, $"{method.Name} calls {m.Name}");
                                }
                            }
                        }

                        break;
                    case FieldReference f:
                        foreach (var e in Expand(f.DeclaringType))
                        {
                            yield return (e, $"{method.Name} field {f.Name}");
                        }

                        break;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        yield return type;
        if (type is GenericInstanceType generic)
        {
            foreach (var arg in generic.GenericArguments)
            {
                foreach (var t in Expand(arg))
                {
                    yield return t;
                }
            }
        }
        else if (type is TypeSpecification spec)
        {
            foreach (var t in Expand(spec.ElementType))
            {
                yield return t;
            }
        }
    }
}
