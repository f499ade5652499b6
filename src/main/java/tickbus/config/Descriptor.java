package tickbus.config;

import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deployment descriptor ({@code verticles.json}): which verticles, how many instances, worker or not, and
 * each one's config slice. Validated completely before anything starts.
 */
public record Descriptor(List<Entry> verticles) {

    private static final String FEED_ALIAS = "feed";

    /**
     * One verticle to deploy. {@code verticle} is an alias from {@link VerticleCatalog}, a class name, or a
     * {@code prefix:} name handled by a Vert.x verticle factory (e.g. {@code groovy:strategies/x.groovy}).
     */
    public record Entry(String name, String verticle, int instances, boolean worker, JsonObject config) {

        public DeploymentOptions deploymentOptions() {
            return new DeploymentOptions().setInstances(instances).setConfig(config.copy())
                    .setThreadingModel(worker ? ThreadingModel.WORKER : ThreadingModel.EVENT_LOOP);
        }

        /** The alias kind, or null for a class name or a factory prefix. */
        public VerticleKind kind() {
            return VerticleCatalog.find(verticle);
        }
    }

    public static Descriptor read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(file.toString(), "no such file: " + file.toAbsolutePath());
        } catch (java.io.IOException e) {
            throw new ConfigException(file.toString(), "cannot read the descriptor: " + e);
        }
        return parse(text, file.toString());
    }

    public static Descriptor parse(String text, String origin) {
        return fromJson(JsonText.parseObject(text, origin));
    }

    public static Descriptor fromJson(JsonObject json) {
        ConfigReader root = new ConfigReader(json, "");
        Object verticles = json.getValue("verticles");
        root.has("verticles");
        root.rejectUnknownKeys();
        if (!(verticles instanceof JsonArray array) || array.isEmpty()) {
            throw new ConfigException("verticles", "value=" + verticles + "; expected a non-empty array of verticles");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> feedSources = new HashMap<>();
        List<ConfigException> errors = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                entries.add(checkedEntry(array.getValue(i), i, names, feedSources));
            } catch (ConfigException e) {
                errors.add(e);
            }
        }
        ConfigException.throwIfAny(errors);
        return new Descriptor(List.copyOf(entries));
    }

    /** One entry, checked alone and against the good entries before it. */
    private static Entry checkedEntry(Object value, int index, Set<String> names, Map<String, String> feedSources) {
        String path = "verticles[" + index + "]";
        if (!(value instanceof JsonObject object)) {
            throw new ConfigException(path, "value=" + value + "; expected an object");
        }
        Entry entry = entry(new ConfigReader(object, path));
        if (!names.add(entry.name())) {
            throw new ConfigException(path + ".name", "value=\"" + entry.name() + "\"; names must be unique");
        }
        if (FEED_ALIAS.equals(entry.verticle())) {
            rejectSharedSource(entry, path,
                    feedSources.putIfAbsent(entry.config().getString("source"), path + " (" + entry.name() + ")"));
        }
        return entry;
    }

    private static Entry entry(ConfigReader reader) {
        String name = reader.string("name");
        if (!name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw reader.error("name", "value=\"" + name + "\"; expected 1 to 64 of [a-z0-9-]");
        }
        String verticle = reader.string("verticle");
        Entry entry = new Entry(name, verticle, reader.intValue("instances", 1, 1, 64), reader.bool("worker", false),
                reader.object("config"));
        reader.rejectUnknownKeys();
        validateVerticle(entry, reader.path());
        return entry;
    }

    /** The source keys sequence numbers, status addresses and metrics: one feed connection per source. */
    private static void rejectSharedSource(Entry entry, String path, String earlier) {
        if (entry.instances() != 1) {
            throw new ConfigException(path + ".instances", "value=" + entry.instances() + "; expected 1 for a feed "
                    + "(each instance would open its own connection and publish every event again under the same "
                    + "source; use config.workers to parse in parallel)");
        }
        if (earlier != null) {
            throw new ConfigException(path + ".config.source", "value=\"" + entry.config().getString("source")
                    + "\"; already the source of " + earlier
                    + "; expected a source id unique to one feed (it keys sequence numbers, status and metrics)");
        }
    }

    private static void validateVerticle(Entry entry, String path) {
        VerticleKind kind = entry.kind();
        if (kind != null) {
            kind.validator().validate(entry.config(), path + ".config");
            return;
        }
        int colon = entry.verticle().indexOf(':');
        if (colon > 0) {
            String prefix = entry.verticle().substring(0, colon);
            Path script = Path.of(entry.verticle().substring(colon + 1));
            if (!Set.of("groovy", "js").contains(prefix)) {
                throw new ConfigException(path + ".verticle", "value=\"" + entry.verticle()
                        + "\"; expected an alias " + VerticleCatalog.all().keySet() + ", a class name, or groovy:FILE");
            }
            if (!Files.isRegularFile(script)) {
                throw new ConfigException(path + ".verticle", "value=\"" + entry.verticle()
                        + "\"; the script file does not exist: " + script.toAbsolutePath());
            }
            return;
        }
        try {
            Class<?> type = Class.forName(entry.verticle(), false, Descriptor.class.getClassLoader());
            if (!Deployable.class.isAssignableFrom(type)) {
                throw new ConfigException(path + ".verticle", "value=\"" + entry.verticle()
                        + "\"; the class is not a verticle (io.vertx.core.Deployable)");
            }
        } catch (ClassNotFoundException e) {
            throw new ConfigException(path + ".verticle", "value=\"" + entry.verticle()
                    + "\"; unknown verticle; expected an alias " + VerticleCatalog.all().keySet()
                    + ", a class name on the class path, or groovy:FILE");
        }
    }
}
