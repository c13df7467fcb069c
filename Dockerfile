# Tier Zero bot image: built from this repository with the Maven wrapper, run on a JRE as a
# non-root user in the prod environment. Build and run:
#   docker build -t tierzero-bot .
#   docker compose up        (the bot with PostgreSQL: compose.yaml)
# Settings come from the environment (deploy/tierzero.env) and MICRONAUT_CONFIG_FILES
# (deploy/application-prod.yml); the bot refuses to start until every production setting is there.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY kb-indexer/pom.xml kb-indexer/
COPY kb-indexer/src/ kb-indexer/src/
COPY bot/pom.xml bot/
COPY bot/src/ bot/src/
# The chat widget's modules and the JDK-run bundler that makes them the one served script.
COPY widget/src/ widget/src/
COPY widget/bundler/ widget/bundler/
RUN ./mvnw -B -q -pl bot -am package -DskipTests

FROM eclipse-temurin:25-jre
# curl for the health check only.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system tierzero \
    && useradd --system --gid tierzero --home-dir /app --no-create-home tierzero
WORKDIR /app
COPY --from=build /src/bot/target/bot.jar bot.jar
# The knowledge base shipped with the image; mount your own over /app/articles.
COPY articles/ articles/
# The JVM's AOT cache (bot/aot-cache.sh, README "Start-up"): a training run records the classes the
# bot loads at start, already linked, and the start command reads them.
# Recorded here, not in the build stage: a cache is valid only on the Java runtime it was recorded
# with, and the JDK's runtime image is not this JRE's.
COPY bot/aot-cache.sh ./
RUN ./aot-cache.sh bot.jar bot.aot && rm aot-cache.sh
RUN mkdir -p data && chown -R tierzero:tierzero data articles
USER tierzero
# The embedded H2 file, the search index and the generated files live in data/; the tokenizer's
# native library is unpacked under the cache folder (the user has no home of its own).
ENV MICRONAUT_ENVIRONMENTS=prod \
    DJL_CACHE_DIR=/app/data/djl
VOLUME ["/app/data", "/app/articles"]
EXPOSE 8080
# /health is 503 while the knowledge base has no article or the directory does not answer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=180s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health || exit 1
# The same command as deploy/tierzero.service (checked by DeploymentFilesTest).
ENTRYPOINT ["java", "-XX:AOTCache=bot.aot", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-jar", "bot.jar"]
