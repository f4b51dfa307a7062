using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using TeamsReviewBot.Commands;
using TeamsReviewBot.Hosting;
using TeamsReviewBot.Storage;
using TeamsReviewBot.Teams;
using TeamsReviewBot.Workflows.Cases;
using TeamsReviewBot.Workflows.Intake;
using TeamsReviewBot.Workflows.Timers;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCaseStorage(builder.Configuration);
builder.Services.AddTeamsChannel(builder.Configuration);
builder.Services.AddSingleton<CommandCatalogue>();
builder.Services.AddChatCommand<HelpCommand>();
builder.Services.AddReviewProcess(builder.Configuration);
builder.Services.Configure<TimerPumpOptions>(builder.Configuration.GetSection(TimerPumpOptions.SectionName));
builder.Services.AddSingleton<TimerPump>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerPump>());
builder.Services.AddMailboxIntake(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler(ErrorResponses.Configure);
app.MapBotMessages();
app.MapMailboxNotifications();
app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
app.MapGet("/", () => Results.Text("TeamsReviewBot is running. Teams posts to /api/messages; health is at /healthz."));
app.Run();
