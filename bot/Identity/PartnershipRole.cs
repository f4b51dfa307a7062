namespace TeamsReviewBot.Identity;

/// <summary>The parts people play in a partnership's Rapid Review.</summary>
public enum PartnershipRole
{
    StatutoryLead,
    Deputy,
    BusinessManager,
    IndependentAdviser,
    Scrutineer,
    Chair,
}

/// <summary>The three statutory safeguarding partners a lead or deputy speaks for.</summary>
public enum StatutoryPartner
{
    LocalAuthority,
    Police,
    Health,
}
