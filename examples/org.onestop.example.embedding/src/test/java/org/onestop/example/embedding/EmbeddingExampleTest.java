package org.onestop.example.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseState;

class EmbeddingExampleTest {

    @Test
    void receivesAndAcceptsACaseOfTheDemoCatalog(@TempDir Path data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Case accepted = EmbeddingExample.run(data, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(CaseState.ACCEPTED, accepted.state());
        assertNotNull(accepted.deadline());
        assertTrue(accepted.number().startsWith("340522-"), accepted.number());
        assertTrue(printed.contains("办结期限 " + accepted.deadline()), printed);
        assertTrue(printed.contains("110105********002X"), "the printed ID is masked: " + printed);
        assertTrue(!printed.contains("11010519491231002X"), printed);
    }
}
