# Build: the fat jar with Maven on JDK 17.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY verticles.json cluster.xml ./
COPY src ./src
RUN mvn -B -q package -DskipTests

# Run: a JRE 17 image with the jar, the descriptor and the cluster config.
FROM eclipse-temurin:17-jre
WORKDIR /opt/tickbus
COPY --from=build /src/target/tickbus.jar ./tickbus.jar
COPY verticles.json cluster.xml ./
# HTTP (dashboard, bridge, metrics, health), Hazelcast membership, Vert.x event bus, TCP bridge.
# The demo descriptor binds the monitor (8080), the TCP bridge (7000) and the admin endpoint to 127.0.0.1, so a
# published 8080 reaches nothing until a descriptor mounted over /opt/tickbus/verticles.json gives the monitor
# "host": "0.0.0.0" and an access mode, e.g. "access": {"mode": "bearer", "tokenEnv": "TICKBUS_MONITOR_TOKEN"}
# (start-up refuses 0.0.0.0 without one; see docs/monitoring.md). The admin endpoint stays on loopback: use
# `docker exec ... java -jar tickbus.jar deploy ...`.
EXPOSE 8080 5701 5801 7000
# TICKBUS_EVENTBUS_HOST is the clustered Vert.x event bus (node to node), not the monitor.
# The default command runs one node alone. For a cluster across containers give the command
# `run --config /opt/tickbus/verticles.json --cluster` and set TICKBUS_CLUSTER_MEMBERS, TICKBUS_CLUSTER_INTERFACE (e.g. 172.18.*.*),
# TICKBUS_CLUSTER_PUBLIC_ADDRESS and TICKBUS_EVENTBUS_PUBLIC_HOST to the container's reachable address.
ENV TICKBUS_EVENTBUS_HOST=0.0.0.0 \
    TICKBUS_EVENTBUS_PORT=5801
# The jar carries its own cluster.xml; the property makes it read the one here, so a mounted one takes effect.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-Dvertx.hazelcast.config=/opt/tickbus/cluster.xml", "-jar", "/opt/tickbus/tickbus.jar"]
CMD ["run", "--config", "/opt/tickbus/verticles.json"]
