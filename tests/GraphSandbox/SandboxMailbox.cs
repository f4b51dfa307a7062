using System.Text.Json.Nodes;

namespace GraphSandbox;

/// <summary>One mailbox: its messages by folder, in arrival order, each with a change sequence for delta.</summary>
public sealed class SandboxMailbox(string address)
{
    public const string Inbox = "inbox";
    public const string Drafts = "drafts";
    public const string SentItems = "sentitems";

    private readonly Lock _gate = new();
    private readonly List<SandboxMessage> _messages = [];
    private long _sequence;

    public string Address { get; } = address;

    public SandboxMessage Add(string folder, JsonObject json, IReadOnlyList<JsonObject> attachments)
    {
        lock (_gate)
        {
            var id = NewId();
            json["id"] = id;
            json["parentFolderId"] = folder;
            json["webLink"] = $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(id)}&exvsurl=1&viewmodel=ReadMessageItem";
            json["changeKey"] = "CQAAABYAAAA" + (++_sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var message = new SandboxMessage(id, folder, _sequence, json, attachments.ToList());
            _messages.Add(message);
            return message;
        }
    }

    public SandboxMessage? Find(string id)
    {
        lock (_gate)
        {
            return _messages.FirstOrDefault(m => m.Id == id);
        }
    }

    public IReadOnlyList<SandboxMessage> InFolder(string folder, long afterSequence = 0)
    {
        lock (_gate)
        {
            return _messages.Where(m => m.Folder.Equals(folder, StringComparison.OrdinalIgnoreCase) && m.Sequence > afterSequence).OrderBy(m => m.Sequence).ToList();
        }
    }

    /// <summary>Every message in every folder, in the order they were stored.</summary>
    public IReadOnlyList<SandboxMessage> All()
    {
        lock (_gate)
        {
            return _messages.OrderBy(m => m.Sequence).ToList();
        }
    }

    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>Moves a draft to Sent Items, as Graph's send does; the id stays the same here.</summary>
    public SandboxMessage? MoveToSent(string id, DateTimeOffset at)
    {
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.Id == id);
            if (index < 0)
            {
                return null;
            }

            var draft = _messages[index];
            draft.Json["isDraft"] = false;
            draft.Json["sentDateTime"] = at.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
            draft.Json["parentFolderId"] = SentItems;
            var sent = draft with { Folder = SentItems, Sequence = ++_sequence };
            _messages[index] = sent;
            return sent;
        }
    }

    private static string NewId() => "AAMkAD" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('/', '_').Replace('+', '-');
}

/// <summary>A stored message: its Graph JSON (without attachments) and its file attachments.</summary>
public sealed record SandboxMessage(string Id, string Folder, long Sequence, JsonObject Json, List<JsonObject> Attachments);
