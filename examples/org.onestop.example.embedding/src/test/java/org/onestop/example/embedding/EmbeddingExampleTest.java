package org.onestop.example.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseState;

class EmbeddingExampleTest {

    @Test
    void takesACaseOfTheDemoCatalogFromReceiptToConclusionWithItsDocuments(@TempDir Path data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Case concluded = EmbeddingExample.run(data, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(CaseState.CONCLUDED, concluded.state());
        assertNotNull(concluded.deadline());
        assertTrue(concluded.number().startsWith("340522-"), concluded.number());
        assertTrue(printed.contains("办结期限 " + concluded.deadline()), printed);
        assertTrue(printed.contains("受理通知书") && printed.contains("送达回证"), printed);
        String page = Files.readString(data.resolve(concluded.number() + "-D2.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("lang=\"zh-CN\"") && page.contains("受理通知书"), "the acceptance notice, printable");
        assertTrue(printed.contains("110105********002X"), "the printed ID is masked: " + printed);
        assertTrue(!printed.contains("11010519491231002X"), printed);
    }
}
