package org.onestop.api.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Follows the events of every case (办件事件监听), after each act is committed. The e-monitoring module
 * and integrations (a provincial data exchange, a hall screen) are built on it.
 *
 * <p>Declare an implementation with bnd's {@code @ServiceProvider(CaseListener.class)} and give it a
 * public no-argument constructor: the SDK finds it with {@link java.util.ServiceLoader}, the
 * distribution as an OSGi service when its jar is dropped into the base's {@code plugins/} folder.
 * See {@code examples/org.onestop.example.listener.journal}.
 *
 * <p>Calls come on the thread that committed the act, one at a time per listener; return quickly.
 * An exception thrown here is logged and does not undo the act.
 */
@ConsumerType
public interface CaseListener {

    /** A stable identifier, unique among listeners, for example {@code journal}. */
    String id();

    /** A name shown to administrators; the id by default. */
    default String label() {
        return id();
    }

    /** Called once for every event, in the order of each case's timeline. */
    void onCaseEvent(CaseEventNotice notice);
}
