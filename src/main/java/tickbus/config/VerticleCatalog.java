package tickbus.config;

import java.util.LinkedHashMap;
import java.util.Map;
import tickbus.bridge.TcpBridgeSettings;
import tickbus.bridge.TcpBridgeVerticle;
import tickbus.feed.FeedProtocols;
import tickbus.feed.FeedSettings;
import tickbus.feed.FeedVerticle;
import tickbus.monitor.MonitorSettings;
import tickbus.monitor.MonitorVerticle;
import tickbus.sim.SimVenueVerticle;
import tickbus.sim.fixml.FixmlSimSettings;
import tickbus.sim.fixml.FixmlSimVerticle;
import tickbus.strategy.admin.AdminSettings;
import tickbus.strategy.admin.AdminVerticle;
import tickbus.strategy.examples.CrossVenueSpreadStrategy;
import tickbus.strategy.examples.FeedWatcherStrategy;
import tickbus.strategy.examples.MidSpreadStrategy;

/** The verticles a descriptor can name by alias. */
public final class VerticleCatalog {

    private static final Map<String, VerticleKind> KINDS = new LinkedHashMap<>();

    static {
        add(new VerticleKind("feed", "a market-data feed (protocol chosen by config.protocol)", FeedVerticle::new,
                (config, path) -> FeedProtocols.create(FeedSettings.fromJson(config, path), path)));
        add(new VerticleKind("sim-venue", "an in-process simulated venue for the demo and tests",
                SimVenueVerticle::new, SimVenueVerticle.Settings::fromJson));
        add(new VerticleKind("mid-spread", "example strategy: mid, spread and trade VWAP per instrument",
                MidSpreadStrategy::new, MidSpreadStrategy.Settings::fromJson));
        add(new VerticleKind("feed-watcher", "example strategy: logs and republishes halts, gaps and stale feeds",
                FeedWatcherStrategy::new, FeedWatcherStrategy.Settings::fromJson));
        add(new VerticleKind("cross-venue-spread", "example Kotlin strategy: mid spread and crossed quotes between two venues", CrossVenueSpreadStrategy::new, CrossVenueSpreadStrategy.Settings::fromJson));
        add(new VerticleKind("tcp-bridge", "the event bus for non-JVM clients over TCP (4-byte length + JSON frames)", TcpBridgeVerticle::new, TcpBridgeSettings::fromJson));
        add(new VerticleKind("admin", "deploy/undeploy at run time over HTTP on loopback (tickbus deploy/undeploy)", AdminVerticle::new, AdminSettings::fromJson));
        add(new VerticleKind("monitor", "the HTTP server: dashboard, event-bus bridge, metrics and health",
                MonitorVerticle::new, MonitorSettings::fromJson));
        add(new VerticleKind("fixml-sim", "FIXML over long-polled HTTP: a simulated venue with a replay window and injectable faults", FixmlSimVerticle::new, FixmlSimSettings::fromJson));
        add(new VerticleKind("redis-sim", "a Redis publisher of simulated quotes and trades (pub/sub or streams) for the demo and tests", tickbus.sim.redis.RedisSimVerticle::new, tickbus.sim.redis.RedisSimSettings::fromJson));
        add(new VerticleKind("itch-sim", "a simulated NASDAQ venue: ITCH 5.0 over SoupBinTCP 4.0 with injectable faults", tickbus.sim.itch.ItchSimVerticle::new, tickbus.sim.itch.ItchSimSettings::fromJson));
    }

    private VerticleCatalog() {
    }

    public static void add(VerticleKind kind) {
        KINDS.put(kind.alias(), kind);
    }

    public static VerticleKind find(String alias) {
        return KINDS.get(alias);
    }

    public static Map<String, VerticleKind> all() {
        return Map.copyOf(KINDS);
    }
}
