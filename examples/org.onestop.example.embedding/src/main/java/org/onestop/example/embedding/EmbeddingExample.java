package org.onestop.example.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseClock;
import org.onestop.api.cases.CaseService;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.DecisionRequest;
import org.onestop.api.cases.DeliveryRequest;
import org.onestop.api.cases.ReceiveRequest;
import org.onestop.api.cases.StepCompletion;
import org.onestop.api.cases.StepProgress;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.ItemQuery;
import org.onestop.api.catalog.Material;
import org.onestop.api.documents.CaseDocument;
import org.onestop.sdk.OneStop;

/**
 * Embeds OneStop in a plain Java program: loads the demo county's catalog, receives an application for
 * a promised item with every required material, accepts it (printing its deadline on the working-day
 * calendar), takes it through its steps, approves, delivers and concludes it, and writes each document the
 * acts issued as a printable page beside the data folder. Run it with {@code mvn -q -pl examples/org.onestop.example.embedding exec:java}; an
 * optional argument names the data folder (a temporary one by default).
 */
public final class EmbeddingExample {

    static final String CENTER = "hanshan";

    private EmbeddingExample() {
    }

    public static void main(String[] args) throws IOException {
        Path data = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("onestop-example");
        run(data, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    static Case run(Path data, PrintStream out) throws IOException {
        try (OneStop oneStop = OneStop.builder().dataDir(data.resolve("db")).build()) {
            oneStop.importCatalogFolder(demoCatalog(data.resolve("catalog")));
            Item item = oneStop.catalog().items(CENTER, new ItemQuery(null, null, HandlingType.PROMISED, null)).get(0);
            out.printf("事项：%s（%s，承诺时限%d个工作日，法定时限%d个工作日）%n", item.name(), item.code(),
                    item.promisedLimitDays(), item.legalLimitDays());

            List<SubmittedMaterial> materials = item.materials().stream().filter(Material::required)
                    .map(m -> new SubmittedMaterial(m.name(), m.form(), m.copies())).toList();
            Applicant applicant = new Applicant(ApplicantType.PERSON, "张三", "11010519491231002X", "13912345678");
            Case received = oneStop.cases().receive(CENTER,
                    new ReceiveRequest(item.code(), applicant, Channel.WINDOW, materials, ActDetails.by("窗口人员甲", "A01")));
            out.printf("收件：%s，申请人 %s（%s）%n", received.number(), received.applicant().masked().name(),
                    received.applicant().masked().idNumber());

            CaseService cases = oneStop.cases();
            Case accepted = cases.accept(CENTER, received.number(), ActDetails.by("窗口人员甲", "A01"));
            out.printf("受理：%s，办结期限 %s%n", accepted.acceptedOn(), accepted.deadline());

            // The steps after acceptance, in order; the last one (送达) is completed by the delivery.
            ActDetails reviewer = ActDetails.by("审查员乙", null);
            Case current = accepted;
            while (current.progress().steps().stream().filter(s -> !s.completed()).count() > 1) {
                current = cases.completeStep(CENTER, current.number(), new StepCompletion(0, "同意", reviewer));
                StepProgress done = current.progress().steps().stream().filter(StepProgress::completed)
                        .reduce((a, b) -> b).orElseThrow();
                out.printf("环节：第%d步 %s 完成%n", done.number(), done.name());
            }
            cases.decide(CENTER, current.number(), DecisionRequest.approve(ActDetails.by("首席代表丙", null)));
            cases.deliver(CENTER, current.number(), DeliveryRequest.atWindow(ActDetails.by("窗口人员甲", "A01")));
            Case concluded = cases.conclude(CENTER, current.number(), ActDetails.by("窗口人员甲", "A01"));
            CaseClock clock = cases.clock(concluded, concluded.concludedOn());
            out.printf("办结：%s，用时%d个工作日，%s%n", concluded.concludedOn(), clock.usedDays(), clock.light().label());

            // Every notice and decision is a document: as data, and as a page to print on A4.
            for (CaseDocument d : oneStop.documents().documents(CENTER, concluded.number())) {
                Path page = data.resolve(d.number() + ".html");
                Files.writeString(page, oneStop.documents().printable(d), StandardCharsets.UTF_8);
                out.printf("文书：%s %s → %s%n", d.number(), d.title(), page);
            }
            return concluded;
        }
    }

    /** Copies the demo catalog shipped in this jar into a folder, as a center keeps it in etc/catalog. */
    private static Path demoCatalog(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : List.of("maanshan.json", "hanshan.json")) {
            try (InputStream in = EmbeddingExample.class.getResourceAsStream("/demo-catalog/" + name)) {
                if (in == null) {
                    throw new IOException("demo catalog " + name + " is missing from the class path");
                }
                Files.copy(in, folder.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }
}
