namespace TeamsReviewBot.Process.InformationRequests;

/// <summary>Where one agency's information request stands.</summary>
public enum RequestStatus
{
    /// <summary>Chosen for the case; the request goes out at the playbook's time.</summary>
    Planned,

    /// <summary>Sent, nothing back yet, deadline not passed.</summary>
    Sent,

    /// <summary>Sent and chased at least once; nothing back yet.</summary>
    Chased,

    /// <summary>The agency returned its information.</summary>
    Returned,

    /// <summary>The agency replied that it holds no records of the child or family: a valid, closing reply.</summary>
    NoRecords,

    /// <summary>The return deadline passed with nothing back; the business managers have been told.</summary>
    Overdue,
}

public static class RequestStatusText
{
    public static bool IsClosed(this RequestStatus status) => status is RequestStatus.Returned or RequestStatus.NoRecords;

    public static string Describe(this RequestStatus status) => status switch
    {
        RequestStatus.Planned => "to be sent",
        RequestStatus.Sent => "sent",
        RequestStatus.Chased => "chased",
        RequestStatus.Returned => "returned",
        RequestStatus.NoRecords => "no records held",
        RequestStatus.Overdue => "overdue",
        _ => status.ToString(),
    };
}
