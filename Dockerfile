# Multi-stage build. The build stage runs the same command as the README ("mvn -B -DskipTests package"),
# which CI exercises on every run, so the image is built the way the tests build the jar.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app gis
WORKDIR /app
COPY --from=build /src/target/gis-camel-routes.jar /app/gis-camel-routes.jar
COPY --chown=10001 config /app/config
COPY --chown=10001 routes /app/routes
COPY --chown=10001 samples /app/samples
RUN mkdir -p /app/data /app/inbox /app/outbox /app/reports && chown -R 10001 /app
USER 10001
# config/ and routes/ can be replaced by mounts; data/ holds the job store, inbox/ outbox/ reports/ the flows' files.
VOLUME ["/app/config", "/app/routes", "/app/data", "/app/inbox", "/app/outbox", "/app/reports"]
# 9876: /observe/health (gis.observe.port). 16080, 16081, 18190: the demo emulators, only in demo mode.
EXPOSE 9876 16080 16081 18190
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# Liveness only: a portal or server that is down makes /observe/health/ready (and so /observe/health) DOWN, which
# must not mark the container for a restart.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:9876/observe/health/live || exit 1
# Camel's graceful shutdown takes up to camel.main.shutdown-timeout (30 s): give the container longer to stop.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-jar", "/app/gis-camel-routes.jar"]
