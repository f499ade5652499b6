package tickbus.config;

import io.vertx.core.Deployable;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * A verticle that descriptors name by a short alias, with the validation of its config slice.
 *
 * @param validator throws {@link ConfigException} naming the path of a bad key
 */
public record VerticleKind(String alias, String description, Supplier<? extends Deployable> factory,
        ConfigValidator validator) {

    /** Validates a config slice; {@code path} is the JSON path of the slice. */
    @FunctionalInterface
    public interface ConfigValidator {
        void validate(JsonObject config, String path);
    }
}
