package org.onestop.json;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.onestop.api.OneStopException;
import org.onestop.api.catalog.CatalogDocument;

/**
 * Reads catalog files (事项目录文件): one {@link CatalogDocument} as JSON, UTF-8, the layout the demo
 * center ships in {@code etc/catalog/}. Any fault is reported as {@link OneStopException} naming the file.
 */
public final class CatalogFiles {

    private CatalogFiles() {
    }

    public static CatalogDocument read(Path file) {
        String name = file.getFileName().toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, name);
        } catch (CharacterCodingException e) {
            throw OneStopException.invalid(name, "目录文件 " + name + " 不是 UTF-8 编码");
        } catch (IOException e) {
            throw OneStopException.invalid(name, "无法读取目录文件 " + name + "：" + e.getMessage());
        }
    }

    public static CatalogDocument read(Reader reader, String source) {
        try {
            CatalogDocument document = OneStopJson.gson().fromJson(reader, CatalogDocument.class);
            if (document == null || document.center() == null) {
                throw OneStopException.invalid(source + ": center", "目录文件 " + source + " 缺少 center（中心）");
            }
            return document;
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
            throw OneStopException.invalid(source, "目录文件 " + source + " 格式错误：" + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getCause().getMessage() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
