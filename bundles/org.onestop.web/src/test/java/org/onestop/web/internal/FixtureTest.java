package org.onestop.web.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose tests share one {@link Fixture}: the real services over one database, opened before the
 * first test and closed after the last. A subclass's own {@code @BeforeAll} runs after this one, with
 * {@link #fx} ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FixtureTest {

    Fixture fx;

    @BeforeAll
    void openFixture(@TempDir Path dataDir) {
        fx = new Fixture(dataDir);
    }

    @AfterAll
    void closeFixture() {
        fx.close();
    }
}
