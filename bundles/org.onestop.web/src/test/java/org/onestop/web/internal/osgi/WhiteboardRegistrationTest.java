package org.onestop.web.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Resource;
import java.io.File;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The component descriptions bnd generates from the annotations, as the bundle will carry them: the stand-in
 * servlet claims the API's pattern with the lowest ranking and references nothing, so that the whiteboard
 * serves it exactly while the API servlet (default ranking, 0) is not registered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhiteboardRegistrationTest {

    private static final String PATTERN = "osgi.http.whiteboard.servlet.pattern";
    private static final String NAME = "osgi.http.whiteboard.servlet.name";
    private static final String RANKING = "service.ranking";

    private Element api;
    private Element unavailable;

    @BeforeAll
    void generate() throws Exception {
        try (Builder builder = new Builder()) {
            builder.setBase(new File("."));
            builder.setProperty("Bundle-SymbolicName", "org.onestop.web");
            builder.addClasspath(location(ApiServletComponent.class));
            for (Class<?> used : List.of(jakarta.servlet.Servlet.class,
                    org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern.class,
                    org.osgi.service.component.annotations.Component.class, org.osgi.framework.BundleContext.class,
                    org.onestop.api.catalog.CatalogService.class)) {
                builder.addClasspath(location(used));
            }
            builder.setProperty("-privatepackage", ApiServletComponent.class.getPackageName());
            Jar jar = builder.build();
            assertTrue(builder.getErrors().isEmpty(), builder.getErrors().toString());
            api = component(jar, ApiServletComponent.class);
            unavailable = component(jar, UnavailableServletComponent.class);
        }
    }

    @Test
    void bothServletsClaimTheSamePattern() {
        assertEquals(List.of("/api/v1/*"), property(api, PATTERN));
        assertEquals(List.of("/api/v1/*"), property(unavailable, PATTERN));
        assertEquals(List.of("org.onestop.web.unavailable"), property(unavailable, NAME),
                "a name of its own, so that the whiteboard does not take the two for one servlet");
        for (Element component : List.of(api, unavailable)) {
            assertEquals("jakarta.servlet.Servlet", ((Element) component.getElementsByTagName("provide").item(0))
                    .getAttribute("interface"));
        }
    }

    @Test
    void theStandInRanksBelowTheApi() {
        assertEquals(List.of(), property(api, RANKING), "the API servlet keeps the default ranking, 0");
        assertEquals(List.of(String.valueOf(Integer.MIN_VALUE)), property(unavailable, RANKING));
        assertEquals("Integer", properties(unavailable).get(RANKING).getAttribute("type"),
                "a ranking that is not an Integer counts as 0, and would tie with the API");
    }

    @Test
    void theStandInNeedsNothingAndTheApiNeedsItsServices() {
        assertEquals(0, unavailable.getElementsByTagName("reference").getLength(), "always active");
        List<String> interfaces = new ArrayList<>();
        NodeList references = api.getElementsByTagName("reference");
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            interfaces.add(reference.getAttribute("interface"));
            assertTrue(List.of("", "static").contains(reference.getAttribute("policy")), "static: " + interfaces);
            assertTrue(List.of("", "1..1").contains(reference.getAttribute("cardinality")), "mandatory: " + interfaces);
        }
        assertEquals(new java.util.TreeSet<>(List.of("org.onestop.api.access.AccessService",
                "org.onestop.api.calendar.WorkCalendar", "org.onestop.api.cases.CaseService",
                "org.onestop.api.catalog.CatalogService", "org.onestop.api.documents.DocumentService",
                "org.onestop.api.inquiry.InquiryService", "org.onestop.api.plugin.PluginDirectory")),
                new java.util.TreeSet<>(interfaces));
    }

    private static File location(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Element component(Jar jar, Class<?> type) throws Exception {
        Resource resource = jar.getResource("OSGI-INF/" + type.getName() + ".xml");
        assertNotNull(resource, "bnd describes " + type.getSimpleName() + "; resources: " + jar.getResources().keySet());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        try (InputStream in = resource.openInputStream()) {
            Document document = factory.newDocumentBuilder().parse(in);
            return document.getDocumentElement();
        }
    }

    private static Map<String, Element> properties(Element component) {
        Map<String, Element> properties = new LinkedHashMap<>();
        NodeList list = component.getElementsByTagName("property");
        for (int i = 0; i < list.getLength(); i++) {
            Element property = (Element) list.item(i);
            properties.put(property.getAttribute("name"), property);
        }
        return properties;
    }

    /** A property's values, whether written as the value attribute or, one a line, as the element's text. */
    private static List<String> property(Element component, String name) {
        Element property = properties(component).get(name);
        List<String> values = new ArrayList<>();
        if (property == null) {
            return values;
        }
        if (property.hasAttribute("value")) {
            values.add(property.getAttribute("value"));
            return values;
        }
        for (String line : property.getTextContent().split("\n")) {
            if (!line.isBlank()) {
                values.add(line.trim());
            }
        }
        return values;
    }
}
