package org.onestop.web.internal;

import java.lang.reflect.Proxy;

/** A service a test hands over but never expects to be called: any call fails the test. */
final class Unused {

    private Unused() {
    }

    static <T> T proxy(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getName().equals("toString")) {
                return "unused " + type.getSimpleName();
            }
            throw new AssertionError(type.getSimpleName() + "." + m.getName() + " was not to be called");
        }));
    }
}
