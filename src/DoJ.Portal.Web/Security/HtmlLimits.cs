namespace DoJ.Portal.Web.Security;

/// <summary>
/// How deep and how large an editor's HTML may be before it reaches the sanitizer. The HTML parser, the
/// sanitizer and the serializer all walk the tree, in time that grows faster than its depth and, for the
/// serializer, on the stack: 200,000 nested &lt;div&gt;s (1 MB) held a core for minutes. <see cref="Check"/>
/// refuses such a body at once: one forward scan over the text, no tree, no recursion, time linear in the
/// length (each tag costs at most <see cref="MaxDepth"/> steps).
/// </summary>
/// <remarks>
/// The scan follows the parts of the HTML parsing rules that change how deep the tree gets: void and raw-text
/// elements, comments, end tags that close only within their scope (a stray &lt;/div&gt; closes nothing),
/// the &lt;p&gt;, &lt;li&gt;, &lt;dd&gt;, &lt;td&gt; and &lt;tr&gt; an element closes by itself, the tbody and tr a
/// table adds, and formatting elements (b, i, a…) closed by a block's end and reopened by the parser later.
/// Where it is unsure it counts deeper, never shallower.
/// </remarks>
public static class HtmlLimits
{
    /// <summary>Levels of nesting. Quill writes 3 to 6 (p, strong, em, a; lists are flat); a pasted table with a list in a cell about 12.</summary>
    public const int MaxDepth = 100;

    /// <summary>Elements (start tags, and the formatting elements the parser reopens). A long real article has a few thousand.</summary>
    public const int MaxElements = 50_000;

    public const string TooDeep = "Nội dung có các thẻ HTML lồng nhau quá sâu (tối đa 100 cấp). Hãy dán lại nội dung dưới dạng văn bản thường hoặc chia thành nhiều phần.";

    public const string TooManyElements = "Nội dung có quá nhiều thẻ HTML (tối đa 50.000 thẻ). Hãy chia nội dung thành nhiều bài hoặc nhiều trang.";

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>Elements whose content is text up to their own end tag.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
    };

    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    /// <summary>The parser's "special" elements: an end tag of another element is not looked for beyond them.</summary>
    private static readonly HashSet<string> Special = new(StringComparer.Ordinal)
    {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button", "caption",
        "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer",
        "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img",
        "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript",
        "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select", "source", "style", "summary",
        "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp",
        "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc",
    };

    /// <summary>Where an element "in scope" is no longer looked for (the lists of the parsing rules, merged: more stops mean fewer closes).</summary>
    private static readonly HashSet<string> ScopeStops = new(StringComparer.Ordinal)
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button", "ol", "ul",
        "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title", "svg", "math",
    };

    private static readonly HashSet<string> TableScopeStops = new(StringComparer.Ordinal) { "html", "table", "template" };

    private static readonly HashSet<string> TableParts = new(StringComparer.Ordinal) { "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption" };

    /// <summary>Start tags that close an open &lt;p&gt; first.</summary>
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
        "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul",
        "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "li", "dd", "dt", "hr",
    };

    /// <summary>Null when <paramref name="html"/> is within the limits, else the Vietnamese reason to show on the form.</summary>
    public static string? Check(string? html) => string.IsNullOrEmpty(html) ? null : new Scan(html).Run();

    private sealed class Scan(string html)
    {
        private readonly List<(string Name, int Key)> open = new(MaxDepth + 8);

        /// <summary>Formatting elements closed by something else: the parser reopens them at the next text (the key holds the attributes).</summary>
        private readonly List<(string Name, int Key)> pending = [];

        private int elements;
        private int position;

        public string? Run()
        {
            var length = html.Length;
            while (position < length)
            {
                var lt = html.IndexOf('<', position);
                if (lt < 0)
                {
                    return Text(position, length);
                }

                if (Text(position, lt) is { } textError)
                {
                    return textError;
                }

                position = lt + 1;
                if (position >= length)
                {
                    return null;
                }

                var c = html[position];
                string? error;
                if (c == '!' && string.CompareOrdinal(html, position, "!--", 0, 3) == 0)
                {
                    SkipComment();
                    continue;
                }
                else if (c is '!' or '?')
                {
                    SkipTo('>');
                    continue;
                }
                else if (c == '/')
                {
                    position++;
                    if (position < length && char.IsAsciiLetter(html[position]))
                    {
                        var name = ReadName();
                        if (!SkipAttributes(out _))
                        {
                            return null;
                        }

                        EndTag(name);
                    }
                    else
                    {
                        // "</>" is dropped, "</3" a bogus comment: neither opens or closes anything.
                        SkipTo('>');
                    }

                    continue;
                }
                else if (char.IsAsciiLetter(c))
                {
                    var start = position;
                    var name = ReadName();
                    if (!SkipAttributes(out _))
                    {
                        return null;
                    }

                    // Identical formatting elements (name and attributes) are reopened three at most, as the parser does.
                    error = StartTag(name, string.GetHashCode(html.AsSpan(start, position - start)));
                    if (error is not null)
                    {
                        return error;
                    }

                    if (name == "plaintext")
                    {
                        return null;
                    }

                    if (RawText.Contains(name))
                    {
                        SkipRawText(name);
                    }

                    continue;
                }

                // A lone "<" is text.
                if (Text(lt, position) is { } loneError)
                {
                    return loneError;
                }
            }

            return null;
        }

        private string? Text(int from, int to) => to > from && pending.Count > 0 ? Reopen() : null;

        /// <summary>Text or an inline element after a block closed: the parser reopens the pending formatting elements.</summary>
        private string? Reopen()
        {
            open.AddRange(pending);

            elements += pending.Count;
            pending.Clear();
            return elements > MaxElements ? TooManyElements : null;
        }

        private string? StartTag(string name, int key)
        {
            if (++elements > MaxElements)
            {
                return TooManyElements;
            }

            if (Void.Contains(name))
            {
                if (name == "hr")
                {
                    CloseParagraph();
                }

                return null;
            }

            switch (name)
            {
                case "li":
                    CloseSibling(["li"], ["div", "p", "address"]);
                    break;
                case "dd" or "dt":
                    CloseSibling(["dd", "dt"], ["div", "p", "address"]);
                    break;
                case "td" or "th":
                    PopThrough(n => n is "td" or "th", n => n is "tr" or "table" or "tbody" or "thead" or "tfoot" or "html" or "template");
                    AddImplied(table: true, row: true);
                    break;
                case "tr":
                    PopThrough(n => n == "tr", n => n is "table" or "tbody" or "thead" or "tfoot" or "html" or "template");
                    AddImplied(table: true, row: false);
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    CloseParagraph();
                    if (open.Count > 0 && open[^1].Name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
                    {
                        open.RemoveAt(open.Count - 1);
                    }

                    break;
                default:
                    if (ClosesParagraph.Contains(name))
                    {
                        CloseParagraph();
                    }
                    else if (!TableParts.Contains(name) && pending.Count > 0 && Reopen() is { } error)
                    {
                        return error;
                    }

                    break;
            }

            if (name is "li" or "dd" or "dt")
            {
                CloseParagraph();
            }

            open.Add((name, Formatting.Contains(name) ? key : 0));
            return open.Count + pending.Count > MaxDepth ? TooDeep : null;
        }

        /// <summary>A row or a cell straight in a table: the parser adds the tbody (and the tr) around it.</summary>
        private void AddImplied(bool table, bool row)
        {
            if (!table || open.Count == 0)
            {
                return;
            }

            if (open[^1].Name == "table")
            {
                open.Add(("tbody", 0));
                elements++;
            }

            if (row && open[^1].Name is "tbody" or "thead" or "tfoot")
            {
                open.Add(("tr", 0));
                elements++;
            }
        }

        private void EndTag(string name)
        {
            if (name is "table" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th" or "caption")
            {
                PopThrough(n => n == name, TableScopeStops.Contains);
                return;
            }

            if (Special.Contains(name))
            {
                // Closed only when open within its scope; everything above it goes with it.
                PopThrough(n => n == name, ScopeStops.Contains);
                return;
            }

            // Any other end tag (formatting ones included): the nearest open one, unless a special element comes first.
            if (!PopThrough(n => n == name, Special.Contains) && Formatting.Contains(name))
            {
                // One the parser would have reopened is closed before it is.
                for (var i = pending.Count - 1; i >= 0; i--)
                {
                    if (pending[i].Name == name)
                    {
                        pending.RemoveAt(i);
                        break;
                    }
                }
            }
        }

        /// <summary>
        /// Looks for an open element from the innermost out, stopping at <paramref name="stop"/>; when found, it and
        /// everything inside it are closed (formatting elements among them become pending). False when not found.
        /// </summary>
        private bool PopThrough(Func<string, bool> match, Func<string, bool> stop)
        {
            for (var i = open.Count - 1; i >= 0; i--)
            {
                var node = open[i].Name;
                if (match(node))
                {
                    for (var j = i + 1; j < open.Count; j++)
                    {
                        var closed = open[j];
                        if (Formatting.Contains(closed.Name) && pending.Count(p => p == closed) < 3)
                        {
                            pending.Add(closed);
                        }
                    }

                    open.RemoveRange(i, open.Count - i);
                    return true;
                }

                if (stop(node))
                {
                    return false;
                }
            }

            return false;
        }

        private void CloseParagraph() => PopThrough(n => n == "p", ScopeStops.Contains);

        /// <summary>A new li (dd, dt) closes the open one unless a special element other than <paramref name="through"/> lies between.</summary>
        private void CloseSibling(string[] names, string[] through) =>
            PopThrough(n => Array.IndexOf(names, n) >= 0, n => Special.Contains(n) && Array.IndexOf(through, n) < 0);

        private string ReadName()
        {
            var start = position;
            while (position < html.Length && html[position] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>'))
            {
                position++;
            }

            return html[start..position].ToLowerInvariant();
        }

        /// <summary>
        /// From after the tag name to after its "&gt;", as the tokenizer reads attributes (a quote opens a value
        /// only after "name="). False at the end of the text: an unfinished tag is dropped.
        /// </summary>
        private bool SkipAttributes(out bool selfClosing)
        {
            selfClosing = false;
            var afterName = false;
            var inName = false;
            while (position < html.Length)
            {
                var c = html[position];
                switch (c)
                {
                    case '>':
                        position++;
                        return true;
                    case ' ' or '\t' or '\n' or '\r' or '\f':
                        afterName = inName || afterName;
                        inName = false;
                        position++;
                        break;
                    case '/':
                        selfClosing = true;
                        inName = afterName = false;
                        position++;
                        break;
                    case '=' when inName || afterName:
                        position++;
                        while (position < html.Length && html[position] is ' ' or '\t' or '\n' or '\r' or '\f')
                        {
                            position++;
                        }

                        if (position < html.Length && html[position] is '"' or '\'')
                        {
                            var close = html.IndexOf(html[position], position + 1);
                            if (close < 0)
                            {
                                position = html.Length;
                                return false;
                            }

                            position = close + 1;
                        }
                        else
                        {
                            while (position < html.Length && html[position] is not (' ' or '\t' or '\n' or '\r' or '\f' or '>'))
                            {
                                position++;
                            }
                        }

                        inName = afterName = false;
                        break;
                    default:
                        selfClosing = false;
                        if (afterName)
                        {
                            afterName = false;
                        }

                        inName = true;
                        position++;
                        break;
                }
            }

            return false;
        }

        /// <summary>A comment ends at "--&gt;" or "--!&gt;" (or at once, as "&lt;!--&gt;" and "&lt;!---&gt;").</summary>
        private void SkipComment()
        {
            position += 3;
            if (string.CompareOrdinal(html, position, ">", 0, 1) == 0)
            {
                position++;
                return;
            }

            if (string.CompareOrdinal(html, position, "->", 0, 2) == 0)
            {
                position += 2;
                return;
            }

            var from = position;
            while (true)
            {
                var dashes = html.IndexOf("--", from, StringComparison.Ordinal);
                if (dashes < 0)
                {
                    position = html.Length;
                    return;
                }

                if (string.CompareOrdinal(html, dashes + 2, ">", 0, 1) == 0)
                {
                    position = dashes + 3;
                    return;
                }

                if (string.CompareOrdinal(html, dashes + 2, "!>", 0, 2) == 0)
                {
                    position = dashes + 4;
                    return;
                }

                from = dashes + 1;
            }
        }

        private void SkipTo(char c)
        {
            var at = html.IndexOf(c, position);
            position = at < 0 ? html.Length : at + 1;
        }

        /// <summary>Text up to the element's own end tag (the first one: where the parser may end later, the scan only sees more tags).</summary>
        private void SkipRawText(string name)
        {
            var from = position;
            while (true)
            {
                var at = html.IndexOf("</", from, StringComparison.Ordinal);
                if (at < 0)
                {
                    position = html.Length;
                    return;
                }

                var after = at + 2 + name.Length;
                if (string.Compare(html, at + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (after >= html.Length || html[after] is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>'))
                {
                    position = at;
                    return;
                }

                from = at + 2;
            }
        }
    }
}
