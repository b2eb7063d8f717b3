package org.onestop.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An integrator who drops a jar the distribution will not load is told why, once per version of the file. */
class PluginFolderCheckTest {

    @TempDir
    Path plugins;

    @Test
    void eachJarThatWillNotLoadIsReportedOnceWithItsReason() throws IOException {
        settled(Files.writeString(plugins.resolve("broken.jar"), "not a zip"), 10);
        settled(jar("plain.jar", Map.of()), 10);
        settled(jar("bundle.jar", Map.of("Bundle-SymbolicName", "com.example.plugin", "Bundle-ManifestVersion", "2")), 10);
        settled(Files.writeString(plugins.resolve("notes.txt"), "not a jar at all"), 10);
        PluginFolderCheck check = new PluginFolderCheck(plugins);

        Map<String, String> first = byName(check.newRefusals());
        assertEquals(List.of("broken.jar", "plain.jar"), first.keySet().stream().sorted().toList());
        assertTrue(first.get("broken.jar").contains("不是有效的 jar"), first.get("broken.jar"));
        assertTrue(first.get("plain.jar").contains("Bundle-SymbolicName"), first.get("plain.jar"));
        assertEquals(List.of(), check.newRefusals(), "said once, not every round");

        settled(Files.writeString(plugins.resolve("broken.jar"), "still not a zip, changed"), 5);
        assertEquals(List.of("broken.jar"), List.copyOf(byName(check.newRefusals()).keySet()), "a new version is judged again");
    }

    @Test
    void aJarStillBeingCopiedInWaitsUntilItIsLeftAlone() throws IOException {
        Files.writeString(plugins.resolve("copying.jar"), "half a ");
        PluginFolderCheck check = new PluginFolderCheck(plugins);
        assertEquals(List.of(), check.newRefusals(), "written a moment ago: not judged yet");
        settled(plugins.resolve("copying.jar"), 5);
        assertEquals(List.of("copying.jar"), List.copyOf(byName(check.newRefusals()).keySet()));
    }

    @Test
    void aMissingFolderIsNothingToReport() {
        assertEquals(List.of(), new PluginFolderCheck(plugins.resolve("absent")).newRefusals());
    }

    private Path jar(String name, Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        Path jar = plugins.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // The manifest is the whole of it.
        }
        return jar;
    }

    /** As if the file had been left alone for {@code seconds}. */
    private static void settled(Path file, int seconds) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(seconds)));
    }

    private static Map<String, String> byName(List<PluginFolderCheck.Refusal> refusals) {
        return refusals.stream().collect(Collectors.toMap(r -> r.jar().getFileName().toString(),
                PluginFolderCheck.Refusal::reason));
    }
}
