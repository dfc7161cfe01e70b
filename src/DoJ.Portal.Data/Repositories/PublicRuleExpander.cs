using System.Linq.Expressions;
using System.Reflection;

namespace DoJ.Portal.Data.Repositories;

/// <summary>
/// Lets a compiled query (<c>EF.CompileAsyncQuery</c>) use a kind's one definition of "public". Elsewhere the rule is
/// called with the time (<c>Where(Article.IsPublicAt(now))</c>) and EF Core reads the time captured in it as a
/// parameter; inside a compiled query the time is the query's own parameter and the call cannot be evaluated.
/// <see cref="Expand{T}"/> replaces each such call by the rule's expression, built once with a marker time, with the
/// marker replaced by the call's argument: the SQL is the rule's, and no second definition is written.
/// </summary>
public static class PublicRuleExpander
{
    /// <summary>A time no caller passes: where the rule holds it, the rule holds its time parameter.</summary>
    private static readonly DateTime Marker = new(1, 2, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    /// <summary>
    /// <paramref name="query"/> with every call of a static rule taking a time and returning an expression
    /// (<c>Expression&lt;Func&lt;T, bool&gt;&gt; IsPublicAt(DateTime)</c>) replaced by that expression.
    /// Throws if a rule does not use its time, which would leave the query's parameter unused.
    /// </summary>
    public static Expression<T> Expand<T>(Expression<T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return (Expression<T>)new RuleInliner().Visit(query);
    }

    private sealed class RuleInliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Object is not null || node.Arguments.Count != 1 || node.Arguments[0].Type != typeof(DateTime)
                || !typeof(LambdaExpression).IsAssignableFrom(node.Method.ReturnType))
            {
                return base.VisitMethodCall(node);
            }

            var rule = (LambdaExpression)node.Method.Invoke(null, [Marker])!;
            var time = new MarkerReplacer(Visit(node.Arguments[0]));
            var body = time.Visit(rule.Body);
            if (time.Replaced == 0)
            {
                throw new InvalidOperationException($"{node.Method.DeclaringType?.Name}.{node.Method.Name} does not use its time.");
            }

            return Expression.Quote(Expression.Lambda(rule.Type, body, rule.Parameters));
        }
    }

    /// <summary>Replaces the captured marker time (a field or property of a constant: the rule's closure) by the argument.</summary>
    private sealed class MarkerReplacer(Expression time) : ExpressionVisitor
    {
        public int Replaced { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Type == typeof(DateTime) && node.Expression is ConstantExpression closure && Read(node.Member, closure.Value) is DateTime value
                && value == Marker && value.Kind == Marker.Kind)
            {
                Replaced++;
                return time;
            }

            return base.VisitMember(node);
        }

        private static object? Read(MemberInfo member, object? target) => member switch
        {
            FieldInfo field => field.GetValue(target),
            PropertyInfo property => property.GetValue(target),
            _ => null,
        };
    }
}
