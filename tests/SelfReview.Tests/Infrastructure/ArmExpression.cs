namespace SelfReview.Tests.Infrastructure;

/// <summary>
/// A parsed ARM template expression (the text between the brackets of "[...]"): function calls,
/// string and integer literals, property access and indexing. The grammar is the one of the ARM
/// template expression language; evaluation is in <see cref="ArmScope"/>.
/// </summary>
public abstract record ArmExpression(string Text)
{
    public static ArmExpression Parse(string text)
    {
        var parser = new Parser(text);
        var expression = parser.ParseExpression();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw new FormatException($"Unexpected text at {parser.Position} in ARM expression: {text}");
        }

        return expression;
    }

    public sealed record Literal(object Value, string Text) : ArmExpression(Text);

    public sealed record FunctionCall(string Name, IReadOnlyList<ArmExpression> Arguments, string Text) : ArmExpression(Text);

    public sealed record Member(ArmExpression Target, string Name, string Text) : ArmExpression(Text);

    public sealed record Index(ArmExpression Target, ArmExpression Key, string Text) : ArmExpression(Text);

    private sealed class Parser(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        public ArmExpression ParseExpression()
        {
            SkipSpace();
            var start = Position;
            var expression = ParsePrimary();
            while (true)
            {
                SkipSpace();
                if (Accept('.'))
                {
                    var name = ParseIdentifier();
                    expression = new Member(expression, name, text[start..Position]);
                }
                else if (Accept('['))
                {
                    var key = ParseExpression();
                    Expect(']');
                    expression = new Index(expression, key, text[start..Position]);
                }
                else
                {
                    return expression;
                }
            }
        }

        private ArmExpression ParsePrimary()
        {
            var start = Position;
            if (Accept('\''))
            {
                var value = new System.Text.StringBuilder();
                while (true)
                {
                    if (AtEnd)
                    {
                        throw new FormatException($"Unterminated string in ARM expression: {text}");
                    }

                    var c = text[Position++];
                    if (c == '\'')
                    {
                        if (!AtEnd && text[Position] == '\'')
                        {
                            value.Append('\'');
                            Position++;
                            continue;
                        }

                        return new Literal(value.ToString(), text[start..Position]);
                    }

                    value.Append(c);
                }
            }

            if (!AtEnd && (char.IsAsciiDigit(text[Position]) || text[Position] == '-'))
            {
                Position++;
                while (!AtEnd && char.IsAsciiDigit(text[Position]))
                {
                    Position++;
                }

                return new Literal(long.Parse(text[start..Position], System.Globalization.CultureInfo.InvariantCulture), text[start..Position]);
            }

            var name = ParseIdentifier();
            SkipSpace();
            Expect('(');
            var arguments = new List<ArmExpression>();
            SkipSpace();
            if (!Accept(')'))
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipSpace();
                }
                while (Accept(','));
                Expect(')');
            }

            return new FunctionCall(name, arguments, text[start..Position]);
        }

        private string ParseIdentifier()
        {
            SkipSpace();
            var start = Position;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(text[Position]) || text[Position] is '_' or '$' or '#'))
            {
                Position++;
            }

            if (start == Position)
            {
                throw new FormatException($"Expected a name at {start} in ARM expression: {text}");
            }

            return text[start..Position];
        }

        private bool Accept(char c)
        {
            SkipSpace();
            if (!AtEnd && text[Position] == c)
            {
                Position++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!Accept(c))
            {
                throw new FormatException($"Expected '{c}' at {Position} in ARM expression: {text}");
            }
        }
    }
}
