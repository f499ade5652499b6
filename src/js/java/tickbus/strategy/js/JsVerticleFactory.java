package tickbus.strategy.js;

import io.vertx.core.Deployable;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.spi.VerticleFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;

/**
 * Deploys {@code js:FILE} verticles on GraalJS: one polyglot context per verticle instance, all sharing one engine
 * (so a script is parsed once). FILE is resolved against the working directory, then the class path.
 */
public final class JsVerticleFactory implements VerticleFactory {

    private Engine engine;

    @Override
    public String prefix() {
        return "js";
    }

    @Override
    public void init(Vertx vertx) {
        engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    }

    @Override
    public void createVerticle2(String verticleName, ClassLoader classLoader,
            Promise<Callable<? extends Deployable>> promise) {
        String file = VerticleFactory.removePrefix(verticleName);
        try {
            Source source = load(file, classLoader);
            promise.complete(() -> new JsVerticle(engine, source, file));
        } catch (IOException e) {
            promise.fail(new IllegalArgumentException("cannot read the script: file=" + file + ", error=" + e, e));
        }
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static Source load(String file, ClassLoader classLoader) throws IOException {
        Path path = Path.of(file);
        if (Files.isRegularFile(path)) {
            return Source.newBuilder("js", path.toFile()).name(file).build();
        }
        var resource = classLoader.getResource(file);
        if (resource == null) {
            throw new IOException("no such file in the working directory or on the class path: " + path.toAbsolutePath());
        }
        return Source.newBuilder("js", resource).name(file).build();
    }
}
