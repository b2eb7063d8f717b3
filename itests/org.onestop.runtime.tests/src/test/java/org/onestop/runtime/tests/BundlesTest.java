package org.onestop.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The run as a whole: every bundle of it started. */
@ExtendWith(BundleContextExtension.class)
public class BundlesTest {

    @InjectBundleContext
    BundleContext context;

    @Test
    void everyBundleIsActiveAndEveryFragmentResolved() {
        List<String> wrong = Arrays.stream(context.getBundles())
                .filter(b -> b.getState() != expectedState(b))
                .map(b -> b.getSymbolicName() + " " + b.getVersion() + " is " + stateName(b.getState()))
                .toList();
        assertEquals(List.of(), wrong, "bundles not started (a missing import or requirement leaves one INSTALLED)");
    }

    @Test
    void theRunHoldsThePlatformBundles() {
        Set<String> names = Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName).collect(Collectors.toSet());
        for (String expected : List.of("org.onestop.api", "org.onestop.json", "org.onestop.store", "org.onestop.core",
                "org.onestop.lib.derby", "org.onestop.example.listener.journal", "org.apache.felix.scr",
                "org.apache.felix.configadmin", "org.apache.aries.spifly.dynamic.bundle", "slf4j.api", "slf4j.simple",
                "com.google.gson")) {
            assertTrue(names.contains(expected), expected + " is not in the run: " + names);
        }
    }

    private static int expectedState(Bundle b) {
        if (b.getBundleId() == 0) {
            return Bundle.ACTIVE;
        }
        boolean fragment = (b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
        return fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> String.valueOf(state);
        };
    }
}
