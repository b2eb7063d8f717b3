package org.onestop.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseService;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.DecisionRequest;
import org.onestop.api.cases.DeliveryRequest;
import org.onestop.api.cases.ReceiveRequest;
import org.onestop.api.cases.StepCompletion;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.ItemQuery;
import org.onestop.api.catalog.Material;
import org.onestop.api.documents.CaseDocument;
import org.onestop.api.documents.DocumentKind;
import org.onestop.api.documents.DocumentService;
import org.onestop.api.plugin.CaseEventNotice;
import org.onestop.api.plugin.CaseListener;
import org.onestop.api.plugin.PluginDirectory;
import org.onestop.api.plugin.PluginInfo;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * A case listener registered as a plain OSGi service is bound by core, hears case events, and is unbound;
 * a case runs its whole path through the services as the framework offers them, documents included.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
public class CaseListenerTest {

    private static final String CENTER = "hanshan";
    private static final String LISTENER_ID = "itest.recorder";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = Await.TIMEOUT_MS)
    CatalogService catalog;

    @InjectService(timeout = Await.TIMEOUT_MS)
    CaseService cases;

    @InjectService(timeout = Await.TIMEOUT_MS)
    PluginDirectory plugins;

    @InjectService(timeout = Await.TIMEOUT_MS)
    DocumentService documents;

    @Test
    void aRegisteredListenerHearsReceiveAndAcceptAndLeavesWhenUnregistered() {
        Item item = catalog.items(CENTER, new ItemQuery(null, null, HandlingType.PROMISED, null)).stream()
                .findFirst().orElseThrow(() -> new AssertionError("the demo catalog of hanshan has no 承诺件"));
        Recorder recorder = new Recorder();

        ServiceRegistration<CaseListener> registration = context.registerService(CaseListener.class, recorder, null);
        try {
            Await.until("PluginDirectory to list " + LISTENER_ID, () -> ids(plugins.plugins()).contains(LISTENER_ID),
                    plugins::plugins);

            Applicant zhangSan = new Applicant(ApplicantType.PERSON, "张三", "11010519491231002X", null);
            Case received = cases.receive(CENTER, new ReceiveRequest(item.code(), zhangSan, Channel.WINDOW,
                    requiredMaterials(item), ActDetails.by("itest", null)));
            assertEquals(CaseState.RECEIVED, received.state());
            Case accepted = cases.accept(CENTER, received.number(), ActDetails.by("itest", null));
            assertEquals(CaseState.ACCEPTED, accepted.state());
            assertNotNull(accepted.deadline(), "a promised item gets a deadline at acceptance");

            // Core publishes on the thread that committed the act, so both events are here already.
            List<CaseEventNotice> heard = recorder.heard.stream()
                    .filter(n -> n.caseNumber().equals(received.number())).toList();
            assertEquals(List.of(CaseAct.RECEIVE, CaseAct.ACCEPT), heard.stream().map(n -> n.event().act()).toList());
            CaseEventNotice last = heard.get(1);
            assertEquals(CENTER, last.centerId());
            assertEquals(item.code(), last.itemCode());
            assertEquals(CaseState.ACCEPTED, last.stateAfter());
        } finally {
            registration.unregister();
        }
        Await.until("PluginDirectory to drop " + LISTENER_ID, () -> !ids(plugins.plugins()).contains(LISTENER_ID),
                plugins::plugins);
        assertFalse(ids(plugins.plugins()).contains(LISTENER_ID));
    }

    @Test
    void aCaseRunsToConclusionInTheFrameworkAndItsDocumentsAreServed() {
        Item item = catalog.items(CENTER, new ItemQuery(null, null, HandlingType.PROMISED, null)).get(0);
        ActDetails clerk = ActDetails.by("itest", null);
        Applicant liSi = new Applicant(ApplicantType.PERSON, "李四", "11010519491231002X", null);
        Case c = cases.accept(CENTER, cases.receive(CENTER, new ReceiveRequest(item.code(), liSi, Channel.WINDOW,
                requiredMaterials(item), clerk)).number(), clerk);
        while (c.progress().steps().stream().filter(s -> !s.completed()).count() > 1) {
            c = cases.completeStep(CENTER, c.number(), new StepCompletion(0, null, clerk));
        }
        cases.decide(CENTER, c.number(), DecisionRequest.approve(clerk));
        cases.deliver(CENTER, c.number(), DeliveryRequest.atWindow(clerk));
        assertEquals(CaseState.CONCLUDED, cases.conclude(CENTER, c.number(), clerk).state());
        List<DocumentKind> kinds = documents.documents(CENTER, c.number()).stream().map(CaseDocument::kind).toList();
        assertEquals(List.of(DocumentKind.ACCEPTANCE, DocumentKind.APPROVAL, DocumentKind.DELIVERY), kinds);
        assertTrue(documents.printable(documents.documents(CENTER, c.number()).get(0)).contains("lang=\"zh-CN\""));
    }

    private static List<SubmittedMaterial> requiredMaterials(Item item) {
        return item.materials().stream().filter(Material::required)
                .map(m -> new SubmittedMaterial(m.name(), m.form(), m.copies())).toList();
    }

    private static List<String> ids(List<PluginInfo> infos) {
        return infos.stream().map(PluginInfo::id).toList();
    }

    /** Keeps every notice it is given. */
    static final class Recorder implements CaseListener {
        final List<CaseEventNotice> heard = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return LISTENER_ID;
        }

        @Override
        public void onCaseEvent(CaseEventNotice notice) {
            heard.add(notice);
        }
    }
}
