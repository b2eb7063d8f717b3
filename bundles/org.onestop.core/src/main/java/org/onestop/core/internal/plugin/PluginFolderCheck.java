package org.onestop.core.internal.plugin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Finds the jars in a base's plugins/ folder that the distribution will not load, so that an integrator who
 * dropped one hears why: the folder's watcher (FileInstall) passes over a jar that is not an OSGi bundle
 * without a word. Each jar is judged once per version of the file (its size and time).
 */
public final class PluginFolderCheck {

    /** What a refused jar is, for the log. */
    public record Refusal(Path jar, String reason) {
    }

    private static final long SETTLE_MILLIS = 1000;

    private final Path folder;
    private final Map<Path, String> judged = new HashMap<>();

    public PluginFolderCheck(Path folder) {
        this.folder = folder;
    }

    /** The jars added or changed since the last call that will not load, with the reason; empty when none. */
    public List<Refusal> newRefusals() {
        List<Refusal> refusals = new ArrayList<>();
        Map<Path, String> seen = new HashMap<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path jar : jars) {
                String version = version(jar);
                if (version.isEmpty()) {
                    // Still being copied in: judged once it has been left alone for a moment.
                    continue;
                }
                seen.put(jar, version);
                if (!version.equals(judged.get(jar))) {
                    problem(jar).ifPresent(reason -> refusals.add(new Refusal(jar, reason)));
                }
            }
        } catch (IOException e) {
            // No folder (yet), or not readable: nothing to say about jars in it.
            return List.of();
        }
        judged.clear();
        judged.putAll(seen);
        return refusals;
    }

    /** Why the distribution will not load {@code jar}, or empty when it is a bundle. */
    static Optional<String> problem(Path jar) {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            return Optional.of("不是有效的 jar 文件（" + e.getMessage() + "）");
        }
        if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
            return Optional.of("清单中没有 Bundle-SymbolicName，不是 OSGi 插件包；请用 bnd 打包"
                    + "（见 examples/org.onestop.example.listener.journal）");
        }
        Attributes main = manifest.getMainAttributes();
        if (main.getValue("Bundle-ManifestVersion") == null) {
            return Optional.of("清单中没有 Bundle-ManifestVersion: 2，不是 OSGi R4 以后的插件包");
        }
        return Optional.empty();
    }

    /** The file's size and time, or empty while it is still changing (written within the last second). */
    private static String version(Path jar) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            long modified = attributes.lastModifiedTime().toMillis();
            return System.currentTimeMillis() - modified < SETTLE_MILLIS ? "" : attributes.size() + "@" + modified;
        } catch (IOException e) {
            return "";
        }
    }
}
