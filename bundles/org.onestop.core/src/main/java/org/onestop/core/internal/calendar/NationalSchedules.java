package org.onestop.core.internal.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.onestop.api.OneStopException;
import org.onestop.api.calendar.HolidaySchedule;
import org.onestop.json.HolidayFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The national holiday schedules in force: the years shipped with OneStop, replaced or extended by the
 * files a center drops into its base's calendar folder. The folder is looked at again at most every
 * {@link #RECHECK} (the calendar is the platform's hottest function; a listing per call would cost more
 * than the count), so next year's file takes effect within seconds and without a restart.
 */
public final class NationalSchedules {

    static final java.time.Duration RECHECK = java.time.Duration.ofSeconds(2);

    private final Logger logger = LoggerFactory.getLogger(NationalSchedules.class);
    private final List<HolidaySchedule> builtIn;
    private final Path folder;
    private final Function<Path, List<HolidaySchedule>> reader;
    private final long recheckNanos;
    private volatile String seenListing;
    private volatile Map<Integer, HolidaySchedule> current;
    private volatile long nextCheck;

    /**
     * @param builtIn the shipped schedules
     * @param folder  a center's calendar folder, or null for none
     * @param reader  reads every schedule of a folder (throws {@link OneStopException} for a bad file)
     */
    public NationalSchedules(List<HolidaySchedule> builtIn, Path folder, Function<Path, List<HolidaySchedule>> reader) {
        this(builtIn, folder, reader, RECHECK);
    }

    NationalSchedules(List<HolidaySchedule> builtIn, Path folder, Function<Path, List<HolidaySchedule>> reader,
            java.time.Duration recheck) {
        this.builtIn = List.copyOf(builtIn);
        this.folder = folder;
        this.reader = reader;
        this.recheckNanos = recheck.toNanos();
        this.current = HolidayFiles.merge(this.builtIn, List.of());
        refresh();
    }

    /** The shipped schedules only. */
    public static NationalSchedules builtIn() {
        return new NationalSchedules(HolidayFiles.builtIn(), null, p -> List.of());
    }

    /** The shipped schedules, with the files of {@code folder} (which may not exist yet). */
    public static NationalSchedules withFolder(Path folder) {
        return new NationalSchedules(HolidayFiles.builtIn(), folder, HolidayFiles::readFolder);
    }

    /** The schedules by year, re-read first when the folder's listing changed. */
    public Map<Integer, HolidaySchedule> byYear() {
        refresh();
        return current;
    }

    private void refresh() {
        if (folder == null || System.nanoTime() - nextCheck < 0) {
            return;
        }
        nextCheck = System.nanoTime() + recheckNanos;
        String listing = listing();
        if (listing.equals(seenListing)) {
            return;
        }
        synchronized (this) {
            if (listing.equals(seenListing)) {
                return;
            }
            try {
                current = HolidayFiles.merge(builtIn, reader.apply(folder));
                logger.info("Holiday schedules loaded for years {}", current.keySet());
            } catch (OneStopException e) {
                // A bad file must not stop the clock: keep what was in force and say what is wrong.
                logger.error("Holiday file in {} not used: {} ({})", folder, e.getMessage(), e.field());
            }
            seenListing = listing;
        }
    }

    /** Names, sizes and times of the folder's files: cheap to read, and changes whenever a file does. */
    private String listing() {
        if (!Files.isDirectory(folder)) {
            return "";
        }
        try (Stream<Path> files = Files.list(folder)) {
            StringBuilder sb = new StringBuilder();
            files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(p -> {
                try {
                    sb.append(p.getFileName()).append(':').append(Files.size(p)).append(':')
                            .append(Files.getLastModifiedTime(p).toMillis()).append(';');
                } catch (IOException e) {
                    sb.append(p.getFileName()).append(":?;");
                }
            });
            return sb.toString();
        } catch (IOException e) {
            return "";
        }
    }
}
