using System.Reflection;
using System.Text;

namespace Attribution.Tests.PublicApi;

/// <summary>
/// Renders the public surface of an assembly as C#-like text, one declaration per line, sorted, with
/// parameter names, defaults and nullability: anything a caller could depend on. Types inside
/// signatures go by their short names; each type's header gives its namespace.
/// </summary>
internal static class PublicApiListing
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(byte)] = "byte", [typeof(char)] = "char", [typeof(short)] = "short", [typeof(int)] = "int", [typeof(long)] = "long",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(ulong)] = "ulong", [typeof(uint)] = "uint",
    };

    public static string Render(Assembly assembly)
    {
        var nullability = new NullabilityInfoContext();
        var text = new StringBuilder();
        foreach (Type type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(TypeHeader(type)).Append('\n');
            foreach (var (_, member) in Members(type, nullability).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Text, StringComparer.Ordinal))
                text.Append("  ").Append(member).Append('\n');
        }
        return text.ToString();
    }

    private static string TypeHeader(Type type)
    {
        string kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : "class";
        if (type.GetMethod("<Clone>$") is not null || (type.IsValueType && IsRecordStruct(type)))
            kind = "record " + kind;
        string modifiers = type.IsAbstract && type.IsSealed ? "static " : type.IsSealed && !type.IsValueType ? "sealed " : type.IsAbstract && !type.IsInterface ? "abstract " : "";
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
            bases.Add(Name(b));
        bases.AddRange(type.GetInterfaces().Select(i => Name(i)).Order(StringComparer.Ordinal));
        return $"public {modifiers}{kind} {Name(type, full: true)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
    }

    private static bool IsRecordStruct(Type type) =>
        type.GetMethod("PrintMembers", Declared) is not null;

    private static IEnumerable<(string Name, string Text)> Members(Type type, NullabilityInfoContext nullability)
    {
        if (type.IsEnum)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
                yield return (field.Name, $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}");
            yield break;
        }
        // Members the compiler writes for records (equality, cloning, deconstruction) follow from the declaration.
        foreach (MemberInfo member in type.GetMembers(Declared).Where(m => !m.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false)))
        {
            switch (member)
            {
                case ConstructorInfo c when Visible(c):
                    yield return (".ctor", $"{Access(c)}{(c.IsStatic ? "static " : "")}{type.Name.Split('`')[0]}({Parameters(c, nullability)})");
                    break;
                case MethodInfo m when Visible(m) && !m.IsSpecialName || m.IsSpecialName && m.Name.StartsWith("op_", StringComparison.Ordinal) && Visible(m):
                    string generic = m.IsGenericMethod ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : "";
                    yield return (m.Name, $"{Access(m)}{Modifiers(m)}{Name(m.ReturnParameter, nullability)} {m.Name}{generic}({Parameters(m, nullability)})");
                    break;
                case PropertyInfo p when p.GetMethod is { } get && Visible(get) || p.SetMethod is { } set && Visible(set):
                    MethodInfo accessor = p.GetMethod ?? p.SetMethod!;
                    string setter = p.SetMethod is { } s && Visible(s)
                        ? s.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.Name == "IsExternalInit") ? " init;" : " set;"
                        : "";
                    string indexer = p.GetIndexParameters().Length > 0 ? "this[" + string.Join(", ", p.GetIndexParameters().Select(i => Name(i, nullability) + " " + i.Name)) + "]" : p.Name;
                    yield return (p.Name, $"{Access(accessor)}{Modifiers(accessor)}{Name(nullability.Create(p))} {indexer} {{{(p.GetMethod is { } g && Visible(g) ? " get;" : "")}{setter} }}");
                    break;
                case FieldInfo f when (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly) && !f.IsSpecialName:
                    string constant = f.IsLiteral ? $"const {Name(f.FieldType)} {f.Name} = {f.GetRawConstantValue()}" : $"{(f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}{Name(nullability.Create(f))} {f.Name}";
                    yield return (f.Name, $"{(f.IsPublic ? "public " : "protected ")}{constant}");
                    break;
                case EventInfo e when e.AddMethod is { } add && Visible(add):
                    yield return (e.Name, $"{Access(add)}{Modifiers(add)}event {Name(nullability.Create(e))} {e.Name}");
                    break;
                case Type nested when nested.IsNestedPublic:
                    yield return (nested.Name, $"nested {Name(nested)}");
                    break;
            }
        }
    }

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static string Access(MethodBase method) => method.IsPublic ? "public " : "protected ";

    private static string Modifiers(MethodInfo method) =>
        method.IsStatic ? "static " :
        method.IsAbstract ? "abstract " :
        method.IsVirtual && !method.IsFinal && method.GetBaseDefinition() == method && !method.DeclaringType!.IsSealed ? "virtual " :
        method.IsVirtual && method.GetBaseDefinition() != method ? "override " : "";

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability) =>
        string.Join(", ", method.GetParameters().Select(p =>
        {
            string prefix = p.ParameterType.IsByRef ? (p.IsOut ? "out " : p.IsIn ? "in " : "ref ") : "";
            if (p.Position == 0 && method.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute), false))
                prefix = "this ";
            if (p.GetCustomAttributes(typeof(ParamArrayAttribute), false).Length > 0)
                prefix = "params ";
            string value = p.HasDefaultValue ? " = " + (p.DefaultValue is null ? (p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null ? "default" : "null") : p.DefaultValue is string s ? $"\"{s}\"" : Convert.ToString(p.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)) : "";
            return $"{prefix}{Name(p, nullability)} {p.Name}{value}";
        }));

    private static string Name(ParameterInfo parameter, NullabilityInfoContext nullability)
    {
        Type type = parameter.ParameterType.IsByRef ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
        return parameter.ParameterType.IsByRef ? Name(type) : Name(nullability.Create(parameter));
    }

    private static string Name(NullabilityInfo info)
    {
        Type type = info.Type;
        string name;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Name(underlying) + "?";
        if (type.IsArray)
            name = Name(info.ElementType!) + "[]";
        else if (type.IsGenericType)
            name = GenericName(type) + "<" + string.Join(", ", info.GenericTypeArguments.Select(Name)) + ">";
        else
            name = Name(type);
        return !type.IsValueType && info.ReadState == NullabilityState.Nullable ? name + "?" : name;
    }

    private static string Name(Type type, bool full = false)
    {
        if (Keywords.TryGetValue(type, out string? keyword))
            return keyword;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Name(underlying) + "?";
        if (type.IsArray)
            return Name(type.GetElementType()!) + "[]";
        if (type.IsGenericParameter)
            return type.Name;
        string name = type.IsGenericType ? GenericName(type) + "<" + string.Join(", ", type.GetGenericArguments().Select(a => Name(a))) + ">" : type.Name;
        if (type.IsNested)
            name = Name(type.DeclaringType!, full) + "." + name;
        else if (full)
            name = type.Namespace + "." + name;
        return name;
    }

    private static string GenericName(Type type) => type.Name.Split('`')[0];
}
