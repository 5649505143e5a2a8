package app.tamroi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one run, as {@code name=value} lines in one file. Each phase runs in its own JVM
 * (and the shell adds memory samples), so a file is what they can all append to; the table is
 * printed from it at the end.
 */
public final class BenchResults {

    private final Path file;

    public BenchResults(Path file) {
        this.file = file;
    }

    public static BenchResults fromSystemProperty() {
        return new BenchResults(Path.of(System.getProperty("bench.results", "target/bench-results.properties")));
    }

    public void put(String name, Object value) {
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value);
        System.out.printf("  %s = %s%n", name, text);
        try {
            Files.writeString(file, name + "=" + text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last value written under each name wins, so a phase run again replaces its figures. */
    public Map<String, String> all() {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    public Optional<Double> number(String name) {
        String v = all().get(name);
        try {
            return v == null ? Optional.empty() : Optional.of(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
