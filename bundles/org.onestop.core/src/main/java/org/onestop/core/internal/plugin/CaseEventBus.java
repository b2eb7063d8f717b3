package org.onestop.core.internal.plugin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onestop.api.plugin.CaseEventNotice;
import org.onestop.api.plugin.CaseListener;
import org.onestop.api.plugin.PluginDirectory;
import org.onestop.api.plugin.PluginInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every committed case event to the bound {@link CaseListener}s, keyed by their id, one call at
 * a time per listener. A failing listener is logged and skipped; the act it heard of stands.
 */
public final class CaseEventBus implements PluginDirectory {

    private final Logger logger = LoggerFactory.getLogger(CaseEventBus.class);
    private final Map<String, CaseListener> listeners = new ConcurrentHashMap<>();

    public void add(CaseListener listener) {
        CaseListener previous = listeners.put(listener.id(), listener);
        if (previous != null && previous != listener) {
            logger.warn("Case listener '{}' replaces another with the same id", listener.id());
        }
        logger.info("Case listener bound: {} ({})", listener.id(), listener.label());
    }

    public void remove(CaseListener listener) {
        if (listeners.remove(listener.id(), listener)) {
            logger.info("Case listener unbound: {}", listener.id());
        }
    }

    public void publish(CaseEventNotice notice) {
        for (CaseListener listener : listeners.values()) {
            try {
                synchronized (listener) {
                    listener.onCaseEvent(notice);
                }
            } catch (RuntimeException e) {
                logger.error("Case listener '{}' failed on {} of case {}", listener.id(), notice.event().act(),
                        notice.caseNumber(), e);
            }
        }
    }

    @Override
    public List<PluginInfo> plugins() {
        return listeners.values().stream()
                .map(l -> new PluginInfo(CaseListener.class.getSimpleName(), l.id(), l.label()))
                .sorted(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::id))
                .toList();
    }
}
