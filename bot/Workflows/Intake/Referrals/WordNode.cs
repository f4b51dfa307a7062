using System.Xml;

namespace TeamsReviewBot.Workflows.Intake.Referrals;

/// <summary>
/// One element of a Word document's main part as the form reader needs it: its name, attributes,
/// child elements and, for w:t, its text. Built by one forward pass of an <see cref="XmlReader"/> over
/// the part (<see cref="Load"/>), without the Open XML SDK's typed tree, which cost a catch-up more CPU
/// than the rest of reading the form. Formatting properties (run, paragraph, table, row, cell and
/// section properties) are skipped unread: they carry no text, control or tick box.
/// </summary>
internal sealed class WordNode
{
    public const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    // Strict Open XML names the same elements in its own namespace.
    private const string StrictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    private static readonly HashSet<string> SkippedProperties = new(StringComparer.Ordinal)
    {
        "rPr", "pPr", "tblPr", "tblGrid", "trPr", "tcPr", "sectPr", "tblPrEx",
    };

    // The only attributes the form reader asks for; rsids and the like are never turned into strings.
    private static readonly HashSet<string> KeptAttributes = new(StringComparer.Ordinal) { "val", "fldCharType", "fullDate" };

    private static readonly List<WordNode> NoChildren = [];
    private static readonly (string LocalName, string Value)[] NoAttributes = [];

    private List<WordNode> _children = NoChildren;

    private WordNode(string localName, bool isWord, WordNode? parent, (string LocalName, string Value)[] attributes)
    {
        LocalName = localName;
        IsWord = isWord;
        Parent = parent;
        Attributes = attributes;
    }

    public string LocalName { get; }

    /// <summary>In the WordprocessingML namespace (w:), not drawing, math or an extension's.</summary>
    public bool IsWord { get; }

    public WordNode? Parent { get; }

    /// <summary>The attributes the reader uses (val, fldCharType, fullDate) by local name, in document order.</summary>
    public (string LocalName, string Value)[] Attributes { get; }

    public IReadOnlyList<WordNode> Children => _children;

    /// <summary>The text of a w:t; empty for any other element.</summary>
    public string Text { get; private set; } = string.Empty;

    public bool Is(string wordName) => IsWord && string.Equals(LocalName, wordName, StringComparison.Ordinal);

    public WordNode? Child(string wordName)
    {
        foreach (var child in _children)
        {
            if (child.Is(wordName))
            {
                return child;
            }
        }

        return null;
    }

    public WordNode? ChildNamed(string localName)
    {
        foreach (var child in _children)
        {
            if (string.Equals(child.LocalName, localName, StringComparison.Ordinal))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>The first attribute with this local name (w:val, w14:val …).</summary>
    public string? Attribute(string localName)
    {
        foreach (var (name, value) in Attributes)
        {
            if (string.Equals(name, localName, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A w:val of type ST_OnOff: null when absent or not one of its words.</summary>
    public static bool? OnOff(string? value) => value switch
    {
        "1" or "true" or "on" => true,
        "0" or "false" or "off" => false,
        _ => null,
    };

    /// <summary>Every element under this one, in document order.</summary>
    public IEnumerable<WordNode> Descendants()
    {
        var stack = new Stack<(WordNode Node, int Next)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < node._children.Count)
            {
                stack.Push((node, next + 1));
                var child = node._children[next];
                yield return child;
                stack.Push((child, 0));
            }
        }
    }

    /// <summary>A run holding one break: keeps two paragraphs' text apart when they are read as one.</summary>
    public static WordNode BreakRun()
    {
        var run = new WordNode("r", true, null, NoAttributes);
        run._children = [new WordNode("br", true, run, NoAttributes)];
        return run;
    }

    /// <summary>The document's w:body, or null when the part has none.</summary>
    public static WordNode? LoadBody(Stream part)
    {
        var root = Load(part);
        return root is { IsWord: true, LocalName: "document" } ? root.Child("body") : null;
    }

    /// <summary>Reads a part's XML into nodes; DTDs are refused as the Open XML SDK refuses them.</summary>
    public static WordNode? Load(Stream part)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(part, settings);
        WordNode? root = null;
        WordNode? current = null;
        // Skip and reading a w:t's content leave the reader on the next node already.
        var onNext = false;
        while (onNext || reader.Read())
        {
            onNext = false;
            if (reader.NodeType == XmlNodeType.EndElement)
            {
                current = current?.Parent;
                continue;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var isWord = IsWordNamespace(reader.NamespaceURI);
            if (isWord && current is not null && SkippedProperties.Contains(reader.LocalName))
            {
                reader.Skip();
                onNext = true;
                continue;
            }

            var node = new WordNode(reader.LocalName, isWord, current, ReadAttributes(reader));
            if (current is null)
            {
                root ??= node;
            }
            else
            {
                if (ReferenceEquals(current._children, NoChildren))
                {
                    current._children = [];
                }

                current._children.Add(node);
            }

            if (reader.IsEmptyElement)
            {
                continue;
            }

            if (isWord && node.LocalName == "t")
            {
                // Text, CDATA and white space up to the end tag, joined, as the SDK reads w:t.
                node.Text = reader.ReadElementContentAsString();
                onNext = true;
                continue;
            }

            current = node;
        }

        return root;
    }

    private static bool IsWordNamespace(string ns) =>
        string.Equals(ns, Main, StringComparison.Ordinal) || string.Equals(ns, StrictMain, StringComparison.Ordinal);

    private static (string LocalName, string Value)[] ReadAttributes(XmlReader reader)
    {
        if (!reader.HasAttributes)
        {
            return NoAttributes;
        }

        List<(string, string)>? attributes = null;
        while (reader.MoveToNextAttribute())
        {
            if (KeptAttributes.Contains(reader.LocalName)
                && !string.Equals(reader.NamespaceURI, "http://www.w3.org/2000/xmlns/", StringComparison.Ordinal))
            {
                (attributes ??= new List<(string, string)>(1)).Add((reader.LocalName, reader.Value));
            }
        }

        reader.MoveToElement();
        return attributes is null ? NoAttributes : [.. attributes];
    }
}
