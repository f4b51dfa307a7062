using TeamsReviewBot.Process.InformationRequests;

namespace TeamsReviewBot.Tests.Process.InformationRequests;

public class SubjectLineTests
{
    [Theory]
    [InlineData("RE: RE: Fwd: Information request", "Information request")]
    [InlineData("AW: SV: WG: [EXTERNAL] Information request", "Information request")]
    [InlineData("RE[2]: OFFICIAL-SENSITIVE: Information request", "Information request")]
    [InlineData("Information request RE: follow-up", "Information request RE: follow-up")]
    public void Strip_removes_only_leading_prefixes(string subject, string expected) =>
        Assert.Equal(expected, SubjectLine.Strip(subject));

    [Fact]
    public void CaseCodes_finds_codes_anywhere_upper_cased_and_once_each() =>
        Assert.Equal(["RR-OLD-2027-0003", "RR-TAM-2026-0012"], SubjectLine.CaseCodes("re: rr-old-2027-0003 and (RR-TAM-2026-0012) again RR-OLD-2027-0003"));

    [Fact]
    public void CaseCodes_ignores_codes_glued_to_other_text() =>
        Assert.Empty(SubjectLine.CaseCodes("ref RR-OLD-2027-0003x and 2RR-OLD-2027-0003"));
}
