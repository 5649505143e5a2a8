package app.tamroi.adapter.in.eventlog;

import app.tamroi.usecase.importlog.InvalidEventLogException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agency's mapping of its log's activities to the steps of its service: a CSV of two columns,
 * activity and step code, with an optional header {@code activity,step}. Several activities may
 * share a step.
 */
public final class StepMappingFile {

    static final long MAX_BYTES = 1 << 20;
    private static final int MAX_RECORD = 4096;

    private StepMappingFile() {
    }

    public static Map<String, String> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw new InvalidEventLogException("mapping file " + file + " is not a readable file of at most " + MAX_BYTES + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, file);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidEventLogException("mapping file " + file + " cannot be read as UTF-8 text: " + e.getMessage(), e);
        }
    }

    static Map<String, String> read(InputStream in, Path file) {
        CsvRecords records = new CsvRecords(new InputStreamReader(in, StandardCharsets.UTF_8), ',', MAX_RECORD);
        Map<String, String> mapping = new LinkedHashMap<>();
        List<String> row;
        boolean first = true;
        while ((row = records.next()) != null) {
            long line = records.line();
            boolean header = first && row.size() == 2 && row.get(0).trim().replace("\uFEFF", "").equalsIgnoreCase("activity")
                    && row.get(1).trim().equalsIgnoreCase("step");
            first = false;
            if (header || (row.size() == 1 && row.get(0).isBlank())) {
                continue;
            }
            if (row.size() != 2) {
                throw problem(file, line, "write two fields, the activity and its step code, not " + row.size());
            }
            String activity = row.get(0).replace("\uFEFF", "").trim();
            String step = row.get(1).trim();
            String earlier = mapping.putIfAbsent(activity, step);
            if (earlier != null && !earlier.equals(step)) {
                throw problem(file, line, "activity '" + activity + "' is mapped to '" + earlier + "' already");
            }
        }
        return mapping;
    }

    private static InvalidEventLogException problem(Path file, long line, String what) {
        return new InvalidEventLogException("mapping file " + file + ", line " + line + ": " + what);
    }
}
