namespace TeamsReviewBot.Documents;

/// <summary>
/// The draft Rapid Review report as a DOCX, in the structure of the partnership's own template,
/// pre-filled from the case (<see cref="ReportFacts"/>). Each layout follows its seed's section
/// list, cited beside it; sections only the author can write are marked places.
/// </summary>
public static class RapidReviewReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(string caseCode, int version) => $"{caseCode} - Rapid Review report (draft {version}).docx";

    /// <summary>The partnerships whose template the writer knows.</summary>
    public static IReadOnlySet<string> Layouts { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "oldham", "tameside", "salford", "west-midlands", "gloucestershire",
    };

    public static byte[] Write(ReportFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var blocks = new RapidReviewReportBlocks(new WordWriter(), facts);
        switch (facts.PlaybookKey)
        {
            case "oldham": Oldham(blocks); break;
            case "tameside": Tameside(blocks); break;
            case "salford": Salford(blocks); break;
            case "west-midlands": WestMidlands(blocks); break;
            case "gloucestershire": Gloucestershire(blocks); break;
            default: throw new ArgumentException($"There is no report template for the partnership '{facts.PlaybookKey}'.", nameof(facts));
        }

        blocks.Appendices();
        return DeterministicPackage.Normalize(blocks.Writer.ToBytes());
    }

    /// <summary>seed-000 §8.1: the "Blank Report Template": header fields, §1 agencies and family, §2 the report, §3 the partners' decision.</summary>
    private static void Oldham(RapidReviewReportBlocks b)
    {
        var w = b.Writer;
        b.Title("Rapid Review Report");
        b.ChildName();
        b.ChildDateOfBirth();
        b.IncidentDate("Date of Serious Incident/ Death");
        b.ReferralDate("Date of Referral");
        b.NotificationDate("Date of LA Notification");
        w.Field("Chair");
        w.AuthorPlace("the Chair of the Rapid Review meeting.");
        b.MeetingDate("Date of Rapid Review Meeting");

        w.Heading("1. Contributing Agencies and Family Structure", 28);
        w.Subheading("1.1a Contributing agencies");
        b.Agencies();
        w.Subheading("1.1b Agencies that have confirmed no contact");
        b.AgenciesWithNoContact();
        w.Subheading("1.1c Family composition");
        w.AuthorPlace("name, date of birth, ethnicity, relationship to the child, address and deprivation decile of each family member.");

        w.Heading("2. The Report", 28);
        w.Subheading("2.1 Facts about the case");
        w.Paragraph("2.1a From Case Referral", bold: true);
        b.Referral();
        w.Paragraph("2.1b Overview of Agency Summaries/Integrated Chronology", bold: true);
        b.Chronology();
        w.AuthorPlace("an overview of the single agency summaries.");
        w.Subheading("2.2 Case Discussion");
        foreach (var (heading, guidance) in new[]
        {
            ("2.2a About the child/ their lived experience", "the child's lived experience."),
            ("2.2b Views of parents/carers and wider family/community", "the views of parents, carers and the wider family or community."),
            ("2.2c Views of key front-line professionals", "the views of key front-line professionals."),
        })
        {
            w.Paragraph(heading, bold: true).AuthorPlace(guidance);
        }

        w.Paragraph("2.2d Immediate thoughts/ observations", bold: true);
        b.Learning("immediate thoughts and observations.");
        w.Paragraph("2.2e Analysis Tree: Cause and Effect", bold: true)
            .AuthorPlace("factors that may have influenced the incident and individual or agency practice: (area of concern) · Cause: · Effect:, repeated.");
        w.Paragraph("2.2f What are we worried about?", bold: true).AuthorPlace("what we are worried about.");
        w.Paragraph("2.2g What has worked well?", bold: true).AuthorPlace("what has worked well.");
        w.Subheading("2.3 Improvements to safeguard and promote the welfare of children");
        w.Paragraph("2.3a SMART actions", bold: true);
        b.ActionsTable(["No.", "Action", "Outcome", "Lead Officer", "Date"], 11);
        w.Subheading("Summary of learning and Next Steps");
        w.Paragraph("2.4a Gaps in information/organisation representation", bold: true);
        b.MissingReturns();
        w.AuthorPlace("any other gaps in information or in which organisations were represented.");
        w.Paragraph("2.4b Decide if the case meets the threshold for a CPR and rationale", bold: true);
        b.ThresholdDecision();
        w.Paragraph("2.4c Panel and review recommendations", bold: true);
        b.Meeting();
        w.AuthorPlace("complete (a) the case meets the threshold criteria for a child safeguarding practice review, or (b) it does not meet the threshold criteria – no further review required; whether the recommendation was unanimous and, if not, the reasons for dissent; if a review is needed, its type and methodology, timescales, period under review, key lines of enquiry and involved agencies.");

        w.Heading("3. Safeguarding Partners Decision", 28);
        b.SignatureBlocks(["Comments", "Name", "Date", "Signed"]);
    }

    /// <summary>seed-001 §8.1: "What a completed Rapid Review Report should include", its eleven points in order (no layout given).</summary>
    private static void Tameside(RapidReviewReportBlocks b)
    {
        var w = b.Writer;
        b.Title("Rapid Review Report");
        w.Heading("1. Consideration against the criteria in Working Together", 28);
        b.ThresholdDecision();
        w.Heading("2. Immediate safeguarding arrangements of any children involved", 28);
        w.AuthorPlace("the immediate safeguarding arrangements for every child involved.");
        w.Heading("3. Summary of the facts about the serious incident and relevant context", 28);
        b.Referral();
        b.Chronology();
        w.AuthorPlace("a concise summary of the facts, so far as they can be ascertained; no lengthy chronology.");
        w.Heading("4. Decision on whether the criteria for a LCSPR are met, and on what grounds", 28);
        b.Meeting();
        w.AuthorPlace("a clear decision on whether the LCSPR criteria are met and why, or why not.");
        w.Heading("5. Recommendation on whether a National Review is necessary", 28);
        w.AuthorPlace("whether a National Review would be considered necessary, and if so, why.");
        w.Heading("6. Immediate learning and plans for its dissemination", 28);
        b.Learning("the immediate learning already established and how it will be disseminated.");
        b.ActionsTable(["No.", "Action", "Lead", "By when"], 6);
        w.Heading("7. Potential for additional learning", 28);
        w.AuthorPlace("the potential for additional learning.");
        w.Heading("8. If no LCSPR: why no further learning is to be gained", 28);
        w.AuthorPlace("if the decision is not to proceed with a LCSPR, a summary of why there is no further learning to be gained.");
        w.Heading("9. Agencies involved in the Rapid Review", 28);
        b.Agencies();
        b.MissingReturns();
        w.AuthorPlace("explain any omission of an agency whose involvement would usually be expected.");
        w.Heading("10. Who has been involved in the decision-making process", 28);
        b.Meeting();
        w.Heading("11. Relevant identifying details of the child and family", 28);
        b.ChildName();
        b.ChildDateOfBirth();
        b.ChildAddress();
        w.AuthorPlace("other relevant identifying details of the family.");
        w.Heading("Statutory safeguarding partners' agreement", 28);
        b.SignatureBlocks(["Agreed", "Name", "Date"]);
    }

    /// <summary>seed-002 §8: Rapid Review Meeting Report (Document 12); its headings are not reproduced, so the sections follow the content the procedure requires (L364–L372).</summary>
    private static void Salford(RapidReviewReportBlocks b)
    {
        var w = b.Writer;
        b.Title("Rapid Review Meeting Report");
        w.Heading("Child and referral", 28);
        b.ChildName();
        b.ChildDateOfBirth();
        b.Referral();
        w.Heading("Threshold decision", 28);
        b.ThresholdDecision();
        w.Heading("Agencies and their information", 28);
        b.Agencies();
        b.MissingReturns();
        w.Heading("Composite chronology", 28);
        b.Chronology();
        w.Heading("Summary of discussion and findings", 28);
        b.MeetingDate();
        b.Meeting();
        b.Learning("summarise the discussion and findings of the rapid review.");
        w.Heading("Actions", 28);
        b.ActionsTable(["No.", "Action", "Lead", "By when"], 6);
        w.Heading("Recommendation", 28);
        w.AuthorPlace("state clearly whether a Child Safeguarding Practice Review is appropriate, or whether the case may raise issues which are complex or of national importance such that a National Review may be appropriate.");
        w.Heading("Endorsement", 28);
        w.Paragraph("The Independent Adviser and the three statutory partners endorse the outcome of the Rapid Review.");
        b.SignatureBlocks(["Endorsed", "Name", "Date"]);
    }

    /// <summary>seed-003 §8.1: Rapid Review Template (Document 4), L1625–L1982.</summary>
    private static void WestMidlands(RapidReviewReportBlocks b)
    {
        var w = b.Writer;
        b.Title("Rapid Review Template");
        w.Heading("Background Information", 28);
        b.ChildName();
        b.ChildDateOfBirth();
        w.Field("Age");
        w.Paragraph($"Age band given at referral: {b.Facts.Referral.AgeBand}.");
        w.Field("Ethnicity").AuthorPlace("ethnicity, gender and other key details about the child (e.g. any disability, LAC, faith/religion).");
        b.IncidentDate("Date of Death / Serious Incident");
        b.NotificationDate("Date notified to Ofsted / the National Panel");
        b.MeetingDate("Date of Rapid Review");
        w.Heading("List of Participants", 28);
        b.Meeting();
        w.AuthorPlace("name, job role/title and agency of each participant.");
        w.Subheading("Observers");
        w.AuthorPlace("observers, if any.");
        w.Subheading("Omissions to the list of participants");
        b.MissingReturns();
        w.AuthorPlace("explain the omission of any agency whose involvement would normally be expected.");

        w.Heading("Section 1: Case Background", 28);
        w.Subheading("Details of Family Members and Significant Others");
        b.ChildAddress();
        w.AuthorPlace("name and address, relationship to the child, date of birth, ethnicity and other relevant information for all siblings, parents and significant adults.");
        w.Subheading("Case Summary");
        b.Referral();
        w.AuthorPlace("a concise outline of the child and family circumstances and the incident that triggered this rapid review.");
        w.Subheading("Documentation available to this Rapid Review");
        b.Agencies();
        b.Chronology();

        w.Heading("Section 2: Consideration of Case, Criteria and Guidance", 28);
        w.Subheading("2.1 Immediate Safeguarding Arrangements of any children involved");
        w.AuthorPlace("has all appropriate immediate action been taken to ensure children's safety? Yes/No, details, and if no, what actions, when and by whom.");
        w.Subheading("2.2 Identifying Improvements");
        w.AuthorPlace("tick the criteria agreed by all participants.");
        w.Subheading("2.3 Rapid Review Discussions");
        b.ThresholdDecision();
        foreach (var heading in new[]
        {
            "Time period", "Previous agency involvement with significant family members", "What was the child's lived experience",
            "Rapid Review discussion", "Update from Police", "Long term impact of injuries sustained",
            "Exploration of key themes / contextual factors", "Any relevant national reviews", "Good Practice identified", "Rapid Review Conclusion",
        })
        {
            w.Paragraph(heading, bold: true).AuthorPlace(heading.ToLowerInvariant() + ".");
        }

        w.Subheading("Immediate learning");
        b.Learning("whether the learning is single or multi-agency, and how it will be shared and implemented.");
        b.ActionsTable(["No.", "Action", "By whom", "By when"], 6);
        w.Subheading("Legal advice");
        w.AuthorPlace("has legal advice been sought? If yes, the details.");

        w.Heading("Section 3: Recommendation", 28);
        b.Meeting();
        w.AuthorPlace("the recommendation (a–e), the proposed key lines of enquiry for a LCSPR, and the reasons for the recommendation including the potential for additional learning.");

        w.Heading("Sign off", 28);
        w.AuthorPlace("one or two sentences on how the Rapid Review was ratified by the three Safeguarding Partners, and who from each takes executive responsibility for the decision.");
        b.SignatureBlocks(["Ratified", "Name", "Date"]);
        w.Field("Date this form submitted to the National Panel");
    }

    /// <summary>seed-004 §8.1: Appendix 3, the outline Rapid Review Report (L297–L394).</summary>
    private static void Gloucestershire(RapidReviewReportBlocks b)
    {
        var w = b.Writer;
        b.Title("GSCP Rapid Review Report");
        w.Heading("1. Family Background", 28);
        b.ChildName();
        b.ChildDateOfBirth();
        w.Field("Age at time of incident", b.Facts.Referral.AgeBand);
        w.AuthorPlace("gender, ethnicity, nationality, each parent's name, date of birth and relationship to the child, and siblings.");
        w.Heading("2. Rapid Review Details", 28);
        b.MeetingDate("Meeting date time and venue");
        b.Meeting();
        w.Paragraph("Attendees", bold: true);
        b.Agencies();
        w.AuthorPlace("the nominated attendees, with apologies or non-attendance.");
        w.Heading("3. Report on Case under Review", 28);
        w.Paragraph("Concise Statement of Case setting out Key Events:", bold: true);
        b.Referral();
        b.Chronology();
        w.Paragraph("Threshold decision", bold: true);
        b.ThresholdDecision();
        w.Paragraph("Key Questions Emerging", bold: true).AuthorPlace("the key questions emerging.");
        w.Paragraph("Appraisal of the case", bold: true).AuthorPlace("detailed analysis addressing key lines of enquiry and identified learning.");
        w.Heading("4. Other Relevant Information", 28);
        w.AuthorPlace("other siblings or children to consider; CP plan at the time or before; links to a complex abuse investigation; other immediate safeguarding considerations; medical details.");
        w.Heading("5. Identified Learning", 28);
        b.Learning("learning clearly related to the analysis, single or multi-agency, with SMART actions.");
        b.ActionsTable(["No.", "Learning Identified", "Single Agency / Multi Agency", "Actions"], 6);
        w.Heading("6. Recommendation", 28);
        w.AuthorPlace("does this case need to proceed to CSPR, or can the partnership focus on implementing the learning? Detail the decision and rationale.");
        w.Heading("7. Themes of Potential National Interest", 28);
        w.AuthorPlace("themes of potential national interest.");
        w.Heading("8. Decision to Proceed to LCSPR", 28);
        w.Field("Practice review recommended at the meeting", b.Facts.Meeting.ReviewRecommended ?? RapidReviewReportBlocks.NotRecorded);
        w.AuthorPlace("methodology agreed, scope of review, agencies required to cooperate, other requirements for a LCSPR.");
        w.Heading("Report endorsed by", 28);
        b.SignatureBlocks(["Date"]);
        w.Field("Report Submitted to the National Panel: Date");
    }
}
