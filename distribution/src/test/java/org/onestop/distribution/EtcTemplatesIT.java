package org.onestop.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The etc/ templates of OneStop's own PIDs against the metatype that bnd writes from each component's
 * {@code Config} (OSGI-INF/metatype/&lt;pid&gt;.xml in the packaged bundles): a key the component does not know
 * is a setting that silently does nothing, and a setting missing from the template is one no administrator
 * will find. Shown defaults must be the real ones.
 */
class EtcTemplatesIT {

    /** {@code #key=value} or {@code key=value}; {@code ##} lines are descriptions. */
    private static final Pattern SETTING = Pattern.compile("^#?([A-Za-z0-9_.]+)\\s*[=:]\\s*(.*)$");

    private final Path home = Paths.get(System.getProperty("onestop.home", "target/onestop")).toAbsolutePath();

    @Test
    void everyOneStopTemplateMatchesItsComponentsConfiguration() throws Exception {
        Map<String, Map<String, String>> metatypes = metatypes(home.resolve("bundle"));
        assertFalse(metatypes.isEmpty(), "no OSGI-INF/metatype in the org.onestop bundles");
        int checked = 0;
        for (Path etc : List.of(home.resolve("etc"), home.resolve("demo/etc"))) {
            try (Stream<Path> files = Files.list(etc)) {
                for (Path cfg : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("org.onestop.")
                        && f.getFileName().toString().endsWith(".cfg")).sorted()::iterator) {
                    String pid = cfg.getFileName().toString().replaceFirst("\\.cfg$", "");
                    Map<String, String> ads = metatypes.get(pid);
                    if (ads == null) {
                        fail(cfg + ": no bundle describes the PID " + pid + " (a typo in the file name?)");
                    }
                    Map<String, String> shown = settings(cfg);
                    for (Map.Entry<String, String> s : shown.entrySet()) {
                        assertTrue(ads.containsKey(s.getKey()),
                                cfg + ": " + s.getKey() + " is not a setting of " + pid + " " + ads.keySet());
                        String dflt = ads.get(s.getKey());
                        if (!dflt.isEmpty()) {
                            assertEquals(dflt, s.getValue(), cfg + ": the default shown for " + s.getKey());
                        }
                    }
                    assertEquals(ads.keySet(), shown.keySet(), cfg + " must show every setting of " + pid);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 4, "only " + checked + " templates checked (home and demo, store and core)");
    }

    private static Map<String, String> settings(Path cfg) throws IOException {
        Map<String, String> keys = new TreeMap<>();
        for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            if (line.startsWith("##")) {
                continue;
            }
            Matcher m = SETTING.matcher(line.strip());
            if (m.matches()) {
                keys.put(m.group(1), m.group(2).strip());
            }
        }
        return keys;
    }

    /** PID to (attribute id to default) for every metatype document in the OneStop bundles. */
    private static Map<String, Map<String, String>> metatypes(Path bundles) throws Exception {
        Map<String, Map<String, String>> byPid = new TreeMap<>();
        try (Stream<Path> jars = Files.list(bundles)) {
            for (Path jar : (Iterable<Path>) jars.filter(j -> j.getFileName().toString().startsWith("org.onestop."))::iterator) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                        if (entry.getName().startsWith("OSGI-INF/metatype/") && entry.getName().endsWith(".xml")) {
                            try (InputStream in = file.getInputStream(entry)) {
                                read(in, byPid);
                            }
                        }
                    }
                }
            }
        }
        return byPid;
    }

    private static void read(InputStream xml, Map<String, Map<String, String>> byPid) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(xml).getDocumentElement();
        Map<String, Map<String, String>> byOcd = new LinkedHashMap<>();
        NodeList ocds = root.getElementsByTagName("OCD");
        for (int i = 0; i < ocds.getLength(); i++) {
            Element ocd = (Element) ocds.item(i);
            Map<String, String> ads = new TreeMap<>();
            NodeList list = ocd.getElementsByTagName("AD");
            for (int j = 0; j < list.getLength(); j++) {
                Element ad = (Element) list.item(j);
                ads.put(ad.getAttribute("id"), ad.getAttribute("default"));
            }
            byOcd.put(ocd.getAttribute("id"), ads);
        }
        NodeList designates = root.getElementsByTagName("Designate");
        for (int i = 0; i < designates.getLength(); i++) {
            Element designate = (Element) designates.item(i);
            Element object = (Element) designate.getElementsByTagName("Object").item(0);
            String pid = designate.getAttribute("pid").isEmpty()
                    ? designate.getAttribute("factoryPid") : designate.getAttribute("pid");
            byPid.put(pid, byOcd.getOrDefault(object.getAttribute("ocdref"), Map.of()));
        }
    }
}
