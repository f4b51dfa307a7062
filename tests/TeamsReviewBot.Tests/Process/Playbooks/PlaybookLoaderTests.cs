using System.Text;
using System.Text.Json.Nodes;
using TeamsReviewBot.Process.Playbooks;
using static TeamsReviewBot.Tests.Process.ProcessTestKit;

namespace TeamsReviewBot.Tests.Process.Playbooks;

public sealed class PlaybookLoaderTests
{
    private static readonly string OldhamJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "playbooks", "oldham.json"));

    [Fact]
    public void The_five_partnership_playbooks_load_with_their_case_code_prefixes_and_mailboxes()
    {
        Assert.Equal(["gloucestershire", "oldham", "salford", "tameside", "west-midlands"], Catalogue.Keys);
        Assert.Equal(
            ["RR-GLO", "RR-OLD", "RR-SAL", "RR-TAM", "RR-WM"],
            Catalogue.All.Select(p => p.CaseCode.Prefix));
        Assert.Equal("OSCP.Group@oldham.gov.uk", Playbook("oldham").Mailbox.Address);
        Assert.Equal("GSCE@gloucestershire.gov.uk", Playbook("gloucestershire").Mailbox.Address);
        Assert.All(Catalogue.All, p => Assert.Equal("Mailbox.NationalReviewPanel@education.gov.uk", p.Submission.Address));
    }

    [Fact]
    public void Every_deadline_cites_the_seed_of_its_own_partnership()
    {
        var seeds = new Dictionary<string, string> { ["oldham"] = "seed-000", ["tameside"] = "seed-001", ["salford"] = "seed-002", ["west-midlands"] = "seed-003", ["gloucestershire"] = "seed-004" };
        foreach (var playbook in Catalogue.All)
        {
            Assert.All(playbook.Deadlines, d => Assert.Contains(seeds[playbook.Key], d.Source, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_case_code_finds_its_partnership_by_prefix()
    {
        Assert.Equal("west-midlands", Catalogue.ForCaseCode("RR-WM-2027-0003")?.Key);
        Assert.Equal("oldham", Catalogue.ForCaseCode("rr-old-2026-0007")?.Key);
        Assert.Null(Catalogue.ForCaseCode("RR-XYZ-2026-0001"));
    }

    [Theory]
    [InlineData("deadlines[0].source", "", "deadlines[0].source", "every playbook value cites")]
    [InlineData("deadlines[2].anchor", "papers-sent", "deadlines[2].anchor", "'papers-sent' is not day0, received or a deadline")]
    [InlineData("decision.quorum", 4, "decision.quorum", "is 4 but there are 3 voting seats")]
    [InlineData("signOff.required", 4, "signOff.required", "is 4 but 3 seats sign off")]
    [InlineData("signOff.seats[0]", "business-manager", "signOff.seats[0]", "does not sign off")]
    [InlineData("clock.cutOff", "4pm", "clock.cutOff", "not a time of day written as HH:mm")]
    [InlineData("caseCode.prefix", "OLD", "caseCode.prefix", "not of the form RR-XXX")]
    [InlineData("mailbox.address", "not an address", "mailbox.address", "is not an email address")]
    [InlineData("deadlines[1].completedBy", "done", "deadlines[1].completedBy", "'done' is not one of")]
    [InlineData("meeting.quorumPartners[0]", "education", "meeting.quorumPartners[0]", "is no seat's partner")]
    [InlineData("decision.window.workingDays", 2, "decision.window", "does not match the 'decision' deadline")]
    public void A_bad_value_stops_the_load_naming_the_file_the_field_and_the_reason(string path, object value, string field, string reason)
    {
        var json = Edit(OldhamJson, path, JsonValue.Create(value));

        var error = Assert.Throws<PlaybookException>(() => Load("oldham.json", json));

        Assert.Equal("oldham.json", error.File);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains("oldham.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gloucestershire_counts_working_day_1_from_the_notification_day_and_the_others_from_the_day_after()
    {
        Assert.Equal(WorkingDayOne.NotificationDay, Playbook("gloucestershire").Clock.WorkingDayOne);
        Assert.Contains("L125", Playbook("gloucestershire").Clock.Source, StringComparison.Ordinal);
        Assert.All(Catalogue.All.Where(p => p.Key != "gloucestershire"), p => Assert.Equal(WorkingDayOne.DayAfter, p.Clock.WorkingDayOne));
    }

    [Fact]
    public void An_unknown_working_day_one_is_refused()
    {
        var error = Assert.Throws<PlaybookException>(() => Load("oldham.json", Edit(OldhamJson, "clock.workingDayOne", JsonValue.Create("the-day-before"))));

        Assert.Contains("workingDayOne", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_working_day_1_is_the_notification_day_no_deadline_may_count_to_working_day_0()
    {
        var json = Edit(Edit(OldhamJson, "clock.workingDayOne", JsonValue.Create("notification-day")), "deadlines[1].due.workingDays", JsonValue.Create(0));

        var error = Assert.Throws<PlaybookException>(() => Load("oldham.json", json));

        Assert.Equal("deadlines[1].due", error.Field);
        Assert.Contains("working day 1 or later", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_section_is_named()
    {
        var root = JsonNode.Parse(OldhamJson)!.AsObject();
        root.Remove("signOff");

        var error = Assert.Throws<PlaybookException>(() => Load("oldham.json", root.ToJsonString()));

        Assert.Contains("signOff", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_playbook_that_does_not_say_when_its_requests_go_out_is_refused()
    {
        var root = JsonNode.Parse(OldhamJson)!.AsObject();
        root["informationRequests"]!.AsObject().Remove("sending");

        var error = Assert.Throws<PlaybookException>(() => Load("oldham.json", root.ToJsonString()));

        Assert.Equal("informationRequests.sending", error.Field);
        Assert.Contains("send-day", error.Reason, StringComparison.Ordinal);
        Assert.Contains("at-once", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_requests_go_out_must_cite_the_seed_and_be_a_known_moment()
    {
        var uncited = Assert.Throws<PlaybookException>(() => Load("oldham.json", Edit(OldhamJson, "informationRequests.sending.source", JsonValue.Create(string.Empty))));
        Assert.Equal("informationRequests.sending.source", uncited.Field);

        var unknown = Assert.Throws<PlaybookException>(() => Load("oldham.json", Edit(OldhamJson, "informationRequests.sending.when", JsonValue.Create("next-week"))));
        Assert.Contains("sending", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_refused_rather_than_ignored()
    {
        var root = JsonNode.Parse(OldhamJson)!.AsObject();
        root["quorom"] = 2;

        var error = Assert.Throws<PlaybookException>(() => Load("oldham.json", root.ToJsonString()));

        Assert.Equal("quorom", error.Field);
    }

    [Fact]
    public void A_file_named_differently_from_its_key_is_refused()
    {
        var error = Assert.Throws<PlaybookException>(() => Load("oldham-copy.json", OldhamJson));

        Assert.Equal("key", error.Field);
    }

    [Fact]
    public void Anchors_that_go_round_in_a_circle_are_refused()
    {
        var root = JsonNode.Parse(OldhamJson)!.AsObject();
        var deadlines = root["deadlines"]!.AsArray();
        deadlines.Single(d => d!["key"]!.GetValue<string>() == "meeting")!["anchor"] = "papers";

        var error = Assert.Throws<PlaybookException>(() => Load("oldham.json", root.ToJsonString()));

        Assert.Contains("go round in a circle", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_with_a_bad_playbook_stops_loading_at_that_file()
    {
        var directory = Directory.CreateTempSubdirectory("playbooks");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "oldham.json"), OldhamJson);
            File.WriteAllText(Path.Combine(directory.FullName, "tameside.json"), "{ \"key\": \"tameside\" ");

            var error = Assert.Throws<PlaybookException>(() => TeamsReviewBot.Workflows.Cases.PlaybookDirectory.Load(directory.FullName));

            Assert.Equal("tameside.json", error.File);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Two_playbooks_with_the_same_case_code_prefix_are_refused()
    {
        var tameside = Catalogue.Get("tameside") with { CaseCode = Catalogue.Get("oldham").CaseCode };

        var error = Assert.Throws<PlaybookException>(() => PlaybookLoader.Combine([("oldham.json", Catalogue.Get("oldham")), ("tameside.json", tameside)]));

        Assert.Equal("tameside.json", error.File);
        Assert.Equal("caseCode.prefix", error.Field);
    }

    private static Playbook Load(string fileName, string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return PlaybookLoader.Load(fileName, stream);
    }

    private static string Edit(string json, string path, JsonNode? value)
    {
        var root = JsonNode.Parse(json)!;
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = Step(node, part);
        }

        var last = parts[^1];
        if (last.EndsWith(']'))
        {
            var name = last[..last.IndexOf('[', StringComparison.Ordinal)];
            var index = int.Parse(last[(last.IndexOf('[', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            node[name]![index] = value;
        }
        else
        {
            node[last] = value;
        }

        return root.ToJsonString();
    }

    private static JsonNode Step(JsonNode node, string part)
    {
        if (!part.EndsWith(']'))
        {
            return node[part]!;
        }

        var name = part[..part.IndexOf('[', StringComparison.Ordinal)];
        var index = int.Parse(part[(part.IndexOf('[', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return node[name]![index]!;
    }
}
