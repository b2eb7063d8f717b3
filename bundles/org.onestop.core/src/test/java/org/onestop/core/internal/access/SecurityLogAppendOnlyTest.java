package org.onestop.core.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onestop.store.StoreSession;

/** Nobody can edit the security log through the platform: no statement, no method. */
class SecurityLogAppendOnlyTest {

    private static final Pattern EDIT = Pattern.compile("(update\\s+security_event|delete\\s+from\\s+security_event"
            + "|truncate\\s+table\\s+security_event|drop\\s+table\\s+security_event|alter\\s+table\\s+security_event)");

    @Test
    void noSourceUpdatesOrDeletesTheLog() throws IOException {
        // Surefire runs in the module folder; the store's sources are its sibling.
        List<Path> roots = List.of(Path.of("src/main"), Path.of("../org.onestop.store/src/main"));
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        for (Path root : roots) {
            assertTrue(Files.isDirectory(root), "no sources at " + root.toAbsolutePath());
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql")).toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
                            .replaceAll("\"\\s*\\+\\s*\"", "");
                    scanned++;
                    if (EDIT.matcher(text).find()) {
                        offenders.add(file.toString());
                    }
                }
            }
        }
        assertTrue(scanned > 20, "scanned only " + scanned + " files");
        assertEquals(List.of(), offenders);
    }

    @Test
    void theStoreOffersOnlyAppendAndRead() {
        List<String> methods = Arrays.stream(StoreSession.class.getMethods()).map(Method::getName)
                .filter(name -> name.toLowerCase(Locale.ROOT).contains("security")).sorted().toList();
        assertEquals(List.of("appendSecurityEvent", "securityEvents"), methods);
    }
}
