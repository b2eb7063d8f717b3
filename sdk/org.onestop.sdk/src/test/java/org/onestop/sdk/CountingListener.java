package org.onestop.sdk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.onestop.api.plugin.CaseEventNotice;
import org.onestop.api.plugin.CaseListener;

/** A listener found through META-INF/services, as a plugin jar's would be. */
public final class CountingListener implements CaseListener {

    static final List<CaseEventNotice> HEARD = new CopyOnWriteArrayList<>();

    public CountingListener() {
    }

    @Override
    public String id() {
        return "counting";
    }

    @Override
    public void onCaseEvent(CaseEventNotice notice) {
        HEARD.add(notice);
    }
}
