package org.onestop.core.internal.inquiry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onestop.api.OneStopException;
import org.onestop.api.access.Permission;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.Window;
import org.onestop.api.inquiry.HandOver;
import org.onestop.api.inquiry.Inquiry;
import org.onestop.api.inquiry.InquiryService;
import org.onestop.api.inquiry.InquiryState;
import org.onestop.api.inquiry.InquiryStep;
import org.onestop.api.inquiry.InquiryStepKind;
import org.onestop.api.inquiry.NewInquiry;
import org.onestop.core.internal.catalog.CatalogServiceImpl;
import org.onestop.core.internal.catalog.Check;
import org.onestop.store.PersonRecord;
import org.onestop.store.Store;
import org.onestop.store.StoreSession;

/**
 * First-inquiry responsibility (首问负责制): the first clerk an applicant asks (首问责任人) owns the inquiry
 * until handing it to the right window (转交), and only the owner of the moment may hand it over or close it
 * (办结). Each act reads the inquiry, checks state and owner, and writes the new owner with its step in one
 * transaction, guarded by the length of the history, so that two clerks acting at once cannot both win.
 */
public final class InquiryServiceImpl implements InquiryService {

    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** The same rule as a case applicant's phone, so that a number taken at the desk fits a later case. */

    private final Store store;
    private final Clock clock;

    public InquiryServiceImpl(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Inquiry open(String centerId, NewInquiry inquiry) {
        Check check = Check.at("");
        check.present("inquiry", inquiry, "首问登记信息");
        String subject = check.text("subject", inquiry.subject(), "咨询事项", 1000).strip();
        String inquirer = check.text("inquirer", inquiry.inquirer(), "咨询人", 100).strip();
        String phone = check.optionalPhone("phone", inquiry.phone());
        String itemCode = blankToNull(check.optionalText("itemCode", inquiry.itemCode(), "事项编码", 60));
        String clerk = check.text("clerk", inquiry.clerk(), "首问责任人", 100).strip();
        String window = blankToNull(check.optionalText("window", inquiry.window(), "窗口", 40));

        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        return store.inTransaction(s -> {
            Center center = CatalogServiceImpl.requireCenter(s, centerId);
            if (itemCode != null && s.latestItem(centerId, itemCode).isEmpty()) {
                throw OneStopException.notFound("itemCode", "事项“" + itemCode + "”不存在");
            }
            checkWindow(s, centerId, window, "window", check);
            int sequence = s.nextInquirySequence(centerId, today);
            // SW (受理首问) keeps inquiry numbers apart from case numbers, which share region and day.
            String id = "SW-" + center.regionCode() + "-" + ID_DATE.format(today) + "-" + String.format("%04d", sequence);
            InquiryStep opened = new InquiryStep(1, InquiryStepKind.OPENED, now, clerk, clerk, window, null);
            Inquiry q = new Inquiry(id, centerId, subject, inquirer, phone, itemCode, clerk, clerk, window,
                    InquiryState.OPEN, null, now, List.of(opened));
            s.insertInquiry(q);
            return q;
        });
    }

    @Override
    public Inquiry handOver(String centerId, String id, HandOver handOver) {
        Check check = Check.at("");
        check.present("handOver", handOver, "转交信息");
        String by = check.text("by", handOver.by(), "转交人", 100).strip();
        String to = check.text("to", handOver.to(), "接收人", 100).strip();
        String toWindow = blankToNull(check.optionalText("toWindow", handOver.toWindow(), "接收窗口", 40));
        String note = blankToNull(check.optionalText("note", handOver.note(), "转交说明", 2000));
        return act(centerId, id, by, InquiryStepKind.HANDED_OVER, (s, current) -> {
            if (to.equals(current.owner())) {
                throw check.invalid("to", "接收人不能是当前负责人“" + current.owner() + "”本人");
            }
            checkTaker(s, centerId, to, check);
            checkWindow(s, centerId, toWindow, "toWindow", check);
            // The new owner's window is the one named, or none: the old window no longer answers for it.
            return new Next(to, toWindow, InquiryState.OPEN, null, note);
        });
    }

    @Override
    public Inquiry close(String centerId, String id, String by, String answer, String caseNumber) {
        Check check = Check.at("");
        String closer = check.text("by", by, "办结人", 100).strip();
        String text = check.text("answer", answer, "答复内容", 2000).strip();
        String number = blankToNull(check.optionalText("caseNumber", caseNumber, "办件编号", 40));
        return act(centerId, id, closer, InquiryStepKind.CLOSED, (s, current) -> {
            if (number != null && s.findCase(centerId, number).isEmpty()) {
                throw OneStopException.notFound("caseNumber", "办件“" + number + "”不存在");
            }
            return new Next(current.owner(), current.window(), InquiryState.CLOSED, number, text);
        });
    }

    /** What an act changes: the owner, window, state and case after it, and the note of its step. */
    private record Next(String owner, String window, InquiryState state, String caseNumber, String note) {
    }

    @FunctionalInterface
    private interface Transition {
        Next apply(StoreSession s, Inquiry current);
    }

    private Inquiry act(String centerId, String id, String by, InquiryStepKind kind, Transition transition) {
        Instant now = Instant.now(clock);
        return store.inTransaction(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            Inquiry current = (id == null ? Optional.<Inquiry>empty() : s.inquiry(centerId, id)).orElseThrow(
                    () -> OneStopException.notFound("id", "首问登记“" + id + "”不存在"));
            if (current.state() != InquiryState.OPEN) {
                throw OneStopException.state("首问登记当前状态为“" + current.state().label() + "”，" + kind.label()
                        + "需要状态“" + InquiryState.OPEN.label() + "”");
            }
            // The responsibility is personal: whoever owns it now answers for it until it is handed on.
            if (!by.equals(current.owner())) {
                throw OneStopException.forbidden("只有当前负责人“" + current.owner() + "”可以" + kind.label() + "此首问登记");
            }
            Next next = transition.apply(s, current);
            InquiryStep step = new InquiryStep(current.history().size() + 1, kind, now, by, next.owner(), next.window(),
                    next.note());
            List<InquiryStep> history = new ArrayList<>(current.history());
            history.add(step);
            Inquiry written = new Inquiry(current.id(), centerId, current.subject(), current.inquirer(), current.phone(),
                    current.itemCode(), current.firstClerk(), next.owner(), next.window(), next.state(),
                    next.caseNumber(), current.openedAt(), history);
            if (!s.updateInquiry(written, current.history().size(), step)) {
                throw OneStopException.conflict("id", "首问登记“" + id + "”刚被他人处理，请刷新后重试");
            }
            return written;
        });
    }

    /**
     * Only the owner may act on an inquiry: handed to an account that cannot, it would be stranded. The one
     * taking it over must be an enabled person who may handle first inquiries in this center.
     */
    private static void checkTaker(StoreSession s, String centerId, String account, Check check) {
        boolean may = s.person(account).filter(PersonRecord::enabled).isPresent() && s.grants(account).stream()
                .anyMatch(g -> g.role().allows(Permission.INQUIRY_HANDLE) && g.covers(centerId, null, null));
        if (!may) {
            throw check.invalid("to", "接收人“" + account + "”不是本中心可以办理首问登记的在岗人员");
        }
    }

    /**
     * A window named for an inquiry must be a counter of the center. Any department's will do: the point of
     * the hand-over is to reach the right department, so it may be another one than the clerk's.
     */
    private static void checkWindow(StoreSession s, String centerId, String window, String field, Check check) {
        if (window == null) {
            return;
        }
        Set<String> windows = new LinkedHashSet<>();
        for (Department d : s.departments(centerId)) {
            d.windows().stream().map(Window::code).forEach(windows::add);
        }
        if (!windows.contains(window)) {
            throw check.invalid(field, windows.isEmpty() ? "本中心未登记任何窗口，不能指定窗口“" + window + "”"
                    : "窗口“" + window + "”不是本中心的窗口（" + String.join("、", windows) + "）");
        }
    }

    @Override
    public Optional<Inquiry> find(String centerId, String id) {
        return store.read(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            return id == null ? Optional.empty() : s.inquiry(centerId, id);
        });
    }

    @Override
    public List<Inquiry> inquiries(String centerId, InquiryState state, String owner, int limit) {
        int max = limit == 0 ? 50 : Check.at("").range("limit", limit, 1, 500, "条数");
        String who = blankToNull(owner);
        return store.read(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            return s.inquiries(centerId, state, who, max);
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
