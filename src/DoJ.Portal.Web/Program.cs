using DoJ.Portal.Data;
using DoJ.Portal.Web.Operations;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Startup;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.Services.AddPortalData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortalIdentity(
    plainHttp: PortalIdentity.AllowsPlainHttp(builder.Environment, builder.Configuration),
    pathPrefix: PathPrefix.From(builder.Configuration["Site:BaseUrl"]));
builder.Services.AddPortalSecurity(builder.Configuration);
builder.Services.AddPortalMvc(builder.Configuration);
builder.Services.AddPortalCitizens(builder.Configuration);
builder.Services.AddPortalMailAndPrivacy(builder.Configuration);

var app = builder.Build();

if (PortalCommands.IsCommand(args))
{
    return await PortalCommands.RunAsync(app, args, Console.In, Console.Out);
}

await app.InitializePortalAsync();
app.UsePortalPipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that the integration tests' WebApplicationFactory can find it.</summary>
public partial class Program;
