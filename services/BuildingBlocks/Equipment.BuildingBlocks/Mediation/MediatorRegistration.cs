using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Equipment.BuildingBlocks.Mediation;

public static class MediatorRegistration
{
    /// <summary>MediatR 5.1.0 by hand (12.x+ cannot restore here): handlers and validators scanned from the service assembly.</summary>
    public static IServiceCollection AddMediatorFor(this IServiceCollection services, Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.Scan(s => s.FromAssemblies(assembly)
            .AddClasses(c => c.AssignableTo(typeof(IRequestHandler<,>)), publicOnly: false).AsImplementedInterfaces().WithTransientLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)), publicOnly: false).AsImplementedInterfaces().WithTransientLifetime());
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        return services;
    }
}
