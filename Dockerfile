# Two images from one build: the proxy (target "proxy") and, the default, the server.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Deliberation.Server/Deliberation.Server.csproj -c Release -o /app
RUN dotnet publish src/Deliberation.Proxy/Deliberation.Proxy.csproj -c Release -o /proxy

# The cluster's one address (docs/operations.md); curl is for the compose health check only.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS proxy
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /proxy
COPY --from=build /proxy .
EXPOSE 8080
ENTRYPOINT ["dotnet", "Deliberation.Proxy.dll"]

# The server: one process = one Orleans silo + the HTTP API and hub.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl is for the compose health check only; the fonts are what the PDF export draws with
# (DejaVu for Latin, Greek and Cyrillic, Droid Sans Fallback for Chinese).
RUN apt-get update && apt-get install -y --no-install-recommends curl fonts-dejavu-core fonts-droid-fallback \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "Deliberation.Server.dll"]
