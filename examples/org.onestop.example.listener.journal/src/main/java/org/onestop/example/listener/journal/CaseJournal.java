package org.onestop.example.listener.journal;

import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.plugin.CaseEventNotice;
import org.onestop.api.plugin.CaseListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A case journal (办件日志): writes one log line for every case event and counts the acts, the smallest
 * useful {@link CaseListener}. The one annotation below is the whole declaration: bnd turns it into a
 * {@code META-INF/services} entry for {@link java.util.ServiceLoader} (the SDK) and an
 * {@code osgi.serviceloader} capability that SPI Fly registers as an OSGi service (the distribution).
 */
@ServiceProvider(value = CaseListener.class, attribute = "onestop.plugin.id=journal")
public final class CaseJournal implements CaseListener {

    private final Logger logger = LoggerFactory.getLogger(CaseJournal.class);
    private final Map<CaseAct, AtomicLong> counts = new ConcurrentHashMap<>();

    /** ServiceLoader and SPI Fly both call this constructor. */
    public CaseJournal() {
    }

    @Override
    public String id() {
        return "journal";
    }

    @Override
    public String label() {
        return "办件日志（示例插件）";
    }

    @Override
    public void onCaseEvent(CaseEventNotice notice) {
        long n = counts.computeIfAbsent(notice.event().act(), act -> new AtomicLong()).incrementAndGet();
        logger.info("办件 {} {} {}：{}（{}，第{}次{}）", notice.caseNumber(), notice.itemCode(), notice.event().act().label(),
                notice.event().actor(), notice.stateAfter().label(), n, notice.event().act().label());
    }

    /** How many events of an act this journal has heard since it started. */
    public long count(CaseAct act) {
        AtomicLong n = counts.get(act);
        return n == null ? 0 : n.get();
    }
}
