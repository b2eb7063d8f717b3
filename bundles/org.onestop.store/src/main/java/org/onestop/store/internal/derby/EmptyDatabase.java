package org.onestop.store.internal.derby;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.onestop.store.StoreException;

/**
 * An empty Derby database at the current schema, made by the build and shipped in this bundle as
 * {@value #RESOURCE}. A new center's first start unpacks it instead of having Derby create a database
 * and run every migration: that costs Derby two to three seconds (its system catalogs and each script's
 * tables, some three hundred forced writes), unpacking a tenth of that. The migrations still run after
 * unpacking, so a seed older than the code only costs the scripts it lacks.
 */
final class EmptyDatabase {

    /** Beside this class; written by the build (see the store's pom.xml), absent when run from bare sources. */
    static final String RESOURCE = "empty-database.zip";

    private EmptyDatabase() {
    }

    /**
     * Unpacks the shipped empty database into {@code directory}, which must not exist; does nothing when the
     * bundle carries none (Derby then creates the database). The files are forced to disk in a folder beside
     * it, then that folder is renamed: a crash never leaves half a database where Derby would look for one.
     */
    static void unpackInto(Path directory) {
        try (InputStream zip = EmptyDatabase.class.getResourceAsStream(RESOURCE)) {
            if (zip == null) {
                return;
            }
            Path unpacking = directory.resolveSibling(directory.getFileName() + ".unpacking-" + UUID.randomUUID());
            try {
                unzip(zip, unpacking);
                try {
                    Files.move(unpacking, directory, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    if (!Files.isDirectory(directory)) {
                        throw e;
                    }
                    // Another process made the database meanwhile (an admin command beside a start): open that one.
                }
                force(directory.getParent());
            } finally {
                deleteTree(unpacking);
            }
        } catch (IOException e) {
            throw new StoreException("无法展开初始数据库到 " + directory + "（" + e.getMessage() + "）", e);
        }
    }

    private static void unzip(InputStream zip, Path into) throws IOException {
        // Each folder's entries are forced too, once its files are written: a file is found through its folder.
        Set<Path> folders = new LinkedHashSet<>(List.of(into));
        try (ZipInputStream entries = new ZipInputStream(zip)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into) || entry.isDirectory()) {
                    throw new IOException("不是数据库中的文件：" + entry.getName());
                }
                Files.createDirectories(target.getParent());
                for (Path folder = target.getParent(); folder.startsWith(into); folder = folder.getParent()) {
                    folders.add(folder);
                }
                try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    entries.transferTo(Channels.newOutputStream(out));
                    out.force(true);
                }
            }
        }
        for (Path folder : folders) {
            force(folder);
        }
    }

    /** Forces a folder's entries to disk; not every platform lets a folder be opened for that. */
    private static void force(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; its file system orders the rename after the writes.
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Build step, not for centers: creates an empty database in the new folder {@code args[0]}, migrates it,
     * shuts it down cleanly and zips it as {@code args[1]}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: EmptyDatabase <new database folder> <zip to write>");
        }
        Path database = Path.of(args[0]).toAbsolutePath();
        Path zipFile = Path.of(args[1]).toAbsolutePath();
        deleteTree(database);
        DerbyStore.open(database, false).close();
        Files.createDirectories(zipFile.getParent());
        List<Path> files;
        try (Stream<Path> paths = Files.walk(database)) {
            files = paths.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : files) {
                // Forward slashes whatever the build machine, and no build time: the entries are the files.
                ZipEntry entry = new ZipEntry(database.relativize(file).toString().replace('\\', '/'));
                entry.setTime(0);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        System.out.println("Empty database: " + files.size() + " files in " + zipFile);
    }
}
