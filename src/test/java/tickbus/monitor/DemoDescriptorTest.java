package tickbus.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tickbus.config.Descriptor;

class DemoDescriptorTest {

    @Test
    void theDemoServesTheMonitorOnPort8080AndRequiresItsFeed() {
        Descriptor demo = Descriptor.read(Path.of("verticles.json"));
        Descriptor.Entry monitor = demo.verticles().stream().filter(e -> e.verticle().equals("monitor")).findFirst()
                .orElseThrow();
        MonitorSettings settings = MonitorSettings.fromJson(monitor.config(), "monitor.config");
        assertEquals(8080, settings.port());
        assertEquals(java.util.List.of("sim-xsim"), settings.requiredFeeds());
        assertEquals(false, settings.access().enabled());
    }
}
