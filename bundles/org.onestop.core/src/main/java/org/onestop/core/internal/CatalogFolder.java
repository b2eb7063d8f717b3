package org.onestop.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.onestop.api.OneStopException;
import org.onestop.api.catalog.CatalogDocument;
import org.onestop.api.catalog.CatalogService;
import org.onestop.api.catalog.ImportReport;
import org.onestop.json.CatalogFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports every catalog file of a folder (a base's {@code etc/catalog}), parents before children. A
 * bad file is reported with its name and field and skipped; the others are imported.
 */
public final class CatalogFolder {

    private final Logger logger = LoggerFactory.getLogger(CatalogFolder.class);
    private final CatalogService catalog;

    public CatalogFolder(CatalogService catalog) {
        this.catalog = catalog;
    }

    public List<ImportReport> importAll(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            logger.info("No catalog folder at {}: nothing to import", folder);
            return List.of();
        }
        Map<Path, CatalogDocument> documents = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    documents.put(file, CatalogFiles.read(file));
                } catch (OneStopException e) {
                    logger.error("Catalog file {} not imported: {} (field {})", file.getFileName(), e.getMessage(), e.field());
                }
            }
        } catch (IOException e) {
            logger.error("Cannot list catalog folder {}: {}", folder, e.getMessage());
            return List.of();
        }
        List<ImportReport> reports = new ArrayList<>();
        for (Map.Entry<Path, CatalogDocument> entry : parentsFirst(documents).entrySet()) {
            try {
                ImportReport report = catalog.importCatalog(entry.getValue());
                logger.info("Catalog {} imported: {}", entry.getKey().getFileName(), report);
                reports.add(report);
            } catch (OneStopException e) {
                logger.error("Catalog file {} not imported: {} (field {})", entry.getKey().getFileName(), e.getMessage(),
                        e.field());
            }
        }
        return reports;
    }

    /** Orders the documents so that a center's parent, when it is among them, comes first. */
    static Map<Path, CatalogDocument> parentsFirst(Map<Path, CatalogDocument> documents) {
        Map<String, Path> byCenter = new HashMap<>();
        documents.forEach((path, doc) -> {
            if (doc.center() != null) {
                byCenter.put(doc.center().id(), path);
            }
        });
        Map<Path, CatalogDocument> ordered = new LinkedHashMap<>();
        for (Path path : documents.keySet()) {
            visit(path, documents, byCenter, ordered, 0);
        }
        return ordered;
    }

    private static void visit(Path path, Map<Path, CatalogDocument> documents, Map<String, Path> byCenter,
            Map<Path, CatalogDocument> ordered, int depth) {
        if (ordered.containsKey(path) || depth > documents.size()) {
            return;
        }
        CatalogDocument doc = documents.get(path);
        String parent = doc.center() == null ? null : doc.center().parentId();
        if (parent != null && byCenter.containsKey(parent)) {
            visit(byCenter.get(parent), documents, byCenter, ordered, depth + 1);
        }
        ordered.put(path, doc);
    }
}
