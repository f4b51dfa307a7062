using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsReviewBot.Process.InformationRequests;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams.Auth;
using TeamsReviewBot.Identity;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.Intake.Referrals;
using TeamsReviewBot.Workflows.Cases;

namespace TeamsReviewBot.Outlook;

/// <summary>The body of an action: the email, and the case, agency or referral kind it needs.</summary>
public sealed record OutlookActionRequest(string? InternetMessageId, string? ItemId, string? CaseCode, string? Agency, string? ReferralKind);

/// <summary>
/// The Outlook add-in's API under /api/outlook: what the bot knows about an email, what intake can
/// read of it as a referral, case search by code, a case's agencies, and the four actions. Only
/// business managers may use it (as the "mail" list); refusals are audited.
/// </summary>
public static partial class OutlookEndpoints
{
    private static readonly PartnershipRole[] Allowed = [PartnershipRole.BusinessManager];

    public static IEndpointRouteBuilder MapOutlookApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/outlook");
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<BotAuthOptions>>().Value.IsDevelopmentMode)
        {
            api.RequireAuthorization(OutlookAuthentication.Policy);
        }

        api.MapGet("/mail", MailAsync);
        api.MapGet("/mail/referral", ReferralAsync);
        api.MapGet("/cases", CasesAsync);
        api.MapGet("/cases/{code}/agencies", AgenciesAsync);
        api.MapPost("/mail/{action}", ActAsync);
        return endpoints;
    }

    private static async Task<IResult> MailAsync(HttpContext context, string? internetMessageId, OutlookMailState state, IOptions<MailboxOptions> mailbox)
    {
        if (await GateAsync(context, "mail") is { } refused)
        {
            return refused;
        }

        if (NoMailbox(mailbox) is { } off)
        {
            return off;
        }

        if (string.IsNullOrWhiteSpace(internetMessageId))
        {
            return Problem(400, "Say which email: internetMessageId is missing.");
        }

        return Results.Json(await state.ReadAsync(mailbox.Value.Mailbox!, internetMessageId, context.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<IResult> ReferralAsync(HttpContext context, string? internetMessageId, string? itemId, GraphIntegration.Mail.MailboxReader reader, IOptions<MailboxOptions> mailbox, IOptions<IntakeOptions> intake)
    {
        if (await GateAsync(context, "referral") is { } refused)
        {
            return refused;
        }

        if (NoMailbox(mailbox) is { } off)
        {
            return off;
        }

        if (string.IsNullOrWhiteSpace(internetMessageId) || string.IsNullOrWhiteSpace(itemId))
        {
            return Problem(400, "Say which email: internetMessageId and itemId are both needed.");
        }

        var mail = await reader.GetAsync(mailbox.Value.Mailbox!, itemId, intake.Value.MaxAttachmentBytes, context.RequestAborted).ConfigureAwait(false);
        if (mail is null || mail.InternetMessageId != internetMessageId)
        {
            return Problem(404, "This email is not in the partnership mailbox, so the bot cannot read it. Open it from the partnership mailbox in Outlook.");
        }

        // Labels and counts only: the pane is the person's own view, but nothing here needs the child's details.
        var read = ReferralMailReading.Read(mail, intake.Value);
        return Results.Json(new
        {
            referralKind = read.ReferralKind,
            source = read.Details?.Source,
            fieldsRead = read.Details?.Fields.Count(f => f.Reading == Process.Intake.FieldReading.Read) ?? 0,
            flagged = read.Details?.FlaggedFields.ToList() ?? [],
            refusals = read.Refusals,
        });
    }

    private static async Task<IResult> CasesAsync(HttpContext context, string? code, CaseIndexStore index, IntakePartnership partnership)
    {
        if (await GateAsync(context, "cases") is { } refused)
        {
            return refused;
        }

        var fragment = (code ?? string.Empty).Trim();
        if (fragment.Length < 2)
        {
            return Problem(400, "Type at least two characters of the case code.");
        }

        var found = (await index.ListAsync(partnership.Playbook.Key, context.RequestAborted).ConfigureAwait(false))
            .Where(c => c.CaseCode.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => c.OpenedAt)
            .Take(10)
            .Select(c => new { caseCode = c.CaseCode, stage = c.Stage, nextDeadline = c.NextDeadline, nextDeadlineName = c.NextDeadlineName });
        return Results.Json(found);
    }

    private static async Task<IResult> AgenciesAsync(HttpContext context, string code, CaseService cases)
    {
        if (await GateAsync(context, "agencies") is { } refused)
        {
            return refused;
        }

        var book = (await cases.LoadAsync(code, context.RequestAborted).ConfigureAwait(false)).Requests;
        return Results.Json(book.InOrder.Select(r => new { agency = r.Agency.Name, status = r.Status.ToString() }));
    }

    private static async Task<IResult> ActAsync(HttpContext context, string action, OutlookMailActions actions, IOptions<MailboxOptions> mailbox, ILoggerFactory loggers)
    {
        if (!Enum.TryParse<OutlookMailAction>(action, ignoreCase: true, out var verb) || int.TryParse(action, out _))
        {
            return Problem(404, $"There is no action \"{action}\": use openCase, link, recordReturn or notPart.");
        }

        if (await GateAsync(context, verb.ToString()) is { } refused)
        {
            return refused;
        }

        if (NoMailbox(mailbox) is { } off)
        {
            return off;
        }

        OutlookActionRequest? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<OutlookActionRequest>(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Problem(400, "The request body is not the JSON the add-in sends.");
        }

        if (body is null || string.IsNullOrWhiteSpace(body.InternetMessageId) || string.IsNullOrWhiteSpace(body.ItemId))
        {
            return Problem(400, "Say which email: internetMessageId and itemId are both needed.");
        }

        var actor = (Caller)context.Items[nameof(Caller)]!;
        try
        {
            var result = await actions.TakeAsync(mailbox.Value.Mailbox!, new OutlookMailRef(body.InternetMessageId, body.ItemId), verb, body.CaseCode, body.Agency, body.ReferralKind, actor, context.RequestAborted).ConfigureAwait(false);
            var logger = loggers.CreateLogger("TeamsReviewBot.Outlook");
            if (logger.IsEnabled(LogLevel.Information))
            {
                LogActed(logger, verb, actor.AadObjectId ?? actor.TeamsUserId, result.Mail.CaseCode, result.Repeated);
            }
            return Results.Json(new { mail = result.Mail, repeated = result.Repeated });
        }
        catch (OutlookActionException ex)
        {
            return Problem(ex.Status, ex.Message);
        }
        catch (RequestRuleException ex)
        {
            return Problem(409, ex.Message);
        }
    }

    /// <summary>Null when the caller is a business manager (then kept for the handler); otherwise the refusal, audited.</summary>
    private static async Task<IResult?> GateAsync(HttpContext context, string what)
    {
        var services = context.RequestServices;
        var (actor, unnamed) = OutlookCaller.Identify(context, services.GetRequiredService<PartnershipDirectory>(), services.GetRequiredService<IOptions<BotAuthOptions>>().Value);
        var audit = services.GetRequiredService<RefusalAudit>();
        if (actor is null)
        {
            await audit.RecordAsync("outlook:" + what, new Caller("outlook", null, null, "Unidentified caller", []), null, null, unnamed!, context.RequestAborted).ConfigureAwait(false);
            return Problem(401, $"You are not signed in to the Rapid Review add-in: {unnamed}.");
        }

        if (!Allowed.Any(actor.Holds))
        {
            await audit.RecordAsync("outlook:" + what, actor, null, null, RefusalAudit.LacksRole(actor, Allowed), context.RequestAborted).ConfigureAwait(false);
            return Problem(403, "Only a business manager can act on the partnership mailbox's email. Nothing was recorded.");
        }

        context.Items[nameof(Caller)] = actor;
        return null;
    }

    private static IResult? NoMailbox(IOptions<MailboxOptions> mailbox) =>
        mailbox.Value.Enabled ? null : Problem(503, "The partnership mailbox is not connected to the bot (Graph:Mailbox is not set).");

    private static IResult Problem(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outlook add-in: {Action} by {Actor} on {CaseCode} (repeat: {Repeated}).")]
    private static partial void LogActed(ILogger logger, OutlookMailAction action, string actor, string? caseCode, bool repeated);
}
