namespace TeamsReviewBot.Board;

/// <summary>
/// The board's own URLs. In development mode every link carries ?as= so the page works without
/// JavaScript; in Teams the page's script fetches the same URLs' /board/view twins with the token.
/// </summary>
public sealed class BoardLinks(IReadOnlyDictionary<string, string> carried)
{
    public IReadOnlyDictionary<string, string> Carried => carried;

    public string Board(BoardQuery query) => "/board" + query.ToQueryString(carried);

    public string Case(string caseCode) => "/board/case/" + Uri.EscapeDataString(caseCode) + BoardQuery.All.ToQueryString(carried);
}
