using System.Collections.Concurrent;
using Microsoft.Graph.Models;

namespace TeamsReviewBot.GraphIntegration.Mail;

/// <summary>
/// Messages a delta page already carried with everything intake reads (body, headers, the attachment
/// list with sizes), held in memory until the worker takes the message's stored work item, so the
/// message is not read from Graph a second time. Only a shortcut: the work item is still stored, and a
/// message not held here (after a restart, after a failed try, or pushed out) is read from Graph as
/// before. Bounded by count and by body size, oldest out first, so a long catch-up cannot grow memory.
/// </summary>
public sealed class PrefetchedMessages(int maxMessages = 2_000, long maxBodyChars = 32 * 1024 * 1024)
{
    private readonly ConcurrentDictionary<string, Message> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _arrival = new();
    private long _bodyChars;

    public int Count => _messages.Count;

    public void Add(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Id is not { } id || message.InternetMessageHeaders is null || !_messages.TryAdd(id, message))
        {
            // Without its headers the message cannot be classified: the worker reads it in full instead.
            return;
        }

        // Ids already taken leave the arrival queue here, so it never outgrows what is held.
        while (_arrival.TryPeek(out var head) && !_messages.ContainsKey(head) && _arrival.TryDequeue(out _))
        {
        }

        _arrival.Enqueue(id);
        Interlocked.Add(ref _bodyChars, BodyChars(message));
        while ((_messages.Count > maxMessages || Interlocked.Read(ref _bodyChars) > maxBodyChars) && _arrival.TryDequeue(out var oldest))
        {
            Forget(oldest);
        }
    }

    /// <summary>The message as the delta page carried it, once: a retry reads it from Graph afresh.</summary>
    public Message? Take(string id)
    {
        if (!_messages.TryRemove(id, out var message))
        {
            return null;
        }

        Interlocked.Add(ref _bodyChars, -BodyChars(message));
        return message;
    }

    private void Forget(string id)
    {
        if (_messages.TryRemove(id, out var message))
        {
            Interlocked.Add(ref _bodyChars, -BodyChars(message));
        }
    }

    private static long BodyChars(Message message) => message.Body?.Content?.Length ?? 0;
}
