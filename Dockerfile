# Builds Rungs from source and runs it against the PostgreSQL given in SPRING_DATASOURCE_URL.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -DskipTests || true
COPY . .
RUN ./mvnw -B -DskipTests -Dspotless.check.skip=true package && cp target/rungs-*.jar /rungs.jar

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app rungs
WORKDIR /app
COPY --from=build /rungs.jar /app/rungs.jar
USER rungs
EXPOSE 8080
# Ready = started and the database answers (the probe HAProxy checks too, see docs/operations.md).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/rungs.jar"]
