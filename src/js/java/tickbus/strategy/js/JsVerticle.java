package tickbus.strategy.js;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import tickbus.strategy.ScriptCompileException;
import tickbus.strategy.StrategyContext;

/**
 * One JavaScript strategy instance. The script sees {@code vertx} and {@code strategy} (its {@link StrategyContext});
 * it may define {@code start()} (returning a Vert.x future to wait for) and {@code stop()}. Host classes visible to
 * {@code Java.type}: {@code tickbus.*}, {@code java.math.*} and {@code io.vertx.core.json.*}.
 */
final class JsVerticle extends VerticleBase {

    private final Engine engine;
    private final Source source;
    private final String file;
    private Context js;
    private StrategyContext strategy;

    JsVerticle(Engine engine, Source source, String file) {
        this.engine = engine;
        this.source = source;
        this.file = file;
    }

    @Override
    public Future<?> start() {
        strategy = StrategyContext.of(vertx, defaultName(file));
        js = Context.newBuilder("js").engine(engine).allowHostAccess(HostAccess.ALL)
                .allowHostClassLookup(JsVerticle::visible).build();
        Value bindings = js.getBindings("js");
        bindings.putMember("vertx", vertx);
        bindings.putMember("strategy", strategy);
        try {
            js.eval(source);
            return awaitable(call(bindings, "start"));
        } catch (PolyglotException e) {
            throw located(e);
        }
    }

    @Override
    public Future<?> stop() {
        Future<?> stopped;
        try {
            stopped = awaitable(call(js.getBindings("js"), "stop"));
        } catch (PolyglotException e) {
            stopped = Future.failedFuture(located(e));
        }
        return stopped.eventually(() -> strategy.close()).onComplete(ar -> js.close());
    }

    private static Value call(Value bindings, String function) {
        Value member = bindings.getMember(function);
        return member != null && member.canExecute() ? member.execute() : null;
    }

    private static Future<?> awaitable(Value result) {
        if (result != null && result.isHostObject() && result.asHostObject() instanceof Future<?> future) {
            return future;
        }
        return Future.succeededFuture();
    }

    private RuntimeException located(PolyglotException e) {
        SourceSection where = e.getSourceLocation();
        int line = where == null ? 0 : where.getStartLine();
        int column = where == null ? 0 : where.getStartColumn();
        if (e.isSyntaxError()) {
            return new ScriptCompileException(file, line, column, e.getMessage(), e);
        }
        return new IllegalStateException("script failed: file=" + file + ", line=" + line + ", message="
                + e.getMessage(), e);
    }

    private static boolean visible(String className) {
        return className.startsWith("tickbus.") || className.startsWith("java.math.")
                || className.startsWith("io.vertx.core.json.");
    }

    private static String defaultName(String file) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        return base.endsWith(".js") ? base.substring(0, base.length() - 3) : base;
    }
}
