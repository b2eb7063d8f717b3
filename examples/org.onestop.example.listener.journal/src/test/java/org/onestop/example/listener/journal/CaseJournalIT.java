package org.onestop.example.listener.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.plugin.CaseListener;
import org.onestop.api.plugin.PluginInfo;
import org.onestop.sdk.OneStop;

/** Runs against the packaged jar: what an SDK user gets when the plugin jar is on the class path. */
class CaseJournalIT {

    @Test
    void theJarDeclaresTheListenerForServiceLoader() {
        List<String> ids = ServiceLoader.load(CaseListener.class).stream().map(p -> p.get().id()).toList();
        assertEquals(List.of("journal"), ids);
    }

    @Test
    void theSdkBindsItFromTheClassPath(@TempDir Path data) {
        try (OneStop oneStop = OneStop.builder().dataDir(data).build()) {
            List<PluginInfo> plugins = oneStop.plugins().plugins();
            assertTrue(plugins.contains(new PluginInfo("CaseListener", "journal", "办件日志（示例插件）")), plugins.toString());
        }
    }
}
