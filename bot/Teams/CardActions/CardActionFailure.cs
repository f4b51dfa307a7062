namespace TeamsReviewBot.Teams.CardActions;

/// <summary>What a press hears when its handler failed unexpectedly. The handler may have stored
/// something before it failed, so the sentence does not say nothing was recorded: every card action
/// is decided on what is stored, so pressing again is safe and shows where things stand.</summary>
public static class CardActionFailure
{
    public const string Sentence = "Something went wrong on our side, so I could not confirm what was recorded. Nothing is lost if you press the button again: a second press never counts twice.";
}
