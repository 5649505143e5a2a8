package app.tamroi.adapter.in.eventlog;

import app.tamroi.usecase.importlog.Endings;
import app.tamroi.usecase.importlog.ImportLog;
import app.tamroi.usecase.importlog.InvalidEventLogException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The command line of {@code import-log}, read and checked before any file is opened. */
public record ImportLogArguments(Path file, ImportLog.Request request, Optional<Path> mapping, EventLogFile.Format format,
                                 CsvLayout csv, EventTimes times, int batchSize, boolean checkOnly) {

    public static final int DEFAULT_BATCH = 500;

    public static final String USAGE = """
            Usage: import-log FILE --service CODE [options]
              FILE                 an event log in XES (IEEE 1849) or CSV, plain or gzipped
              --service CODE       the service its cases are applications of
              --publish            draw the service's timeline from the log and publish it (a new service)
              --agency CODE        the agency that owns a service published with --publish
              --name TEXT          the service's name when published (default: its code)
              --calendar NAME      its calendar when published: 24x7 (every day, all day, UTC) or a shared
                                   calendar such as th-government (default: the published service's own)
              --mapping FILE       a CSV of activity,step (default: a slug of each activity's name)
              --rejected A,B       activities that end a case as rejected (when last in it)
              --withdrawn A,B      activities that end a case as withdrawn (when last in it)
              --case-prefix TEXT   put before every case id to make the application's subject
              --format F           auto (default), xes or csv
              --case COL --activity COL --timestamp COL --lifecycle COL
                                   CSV columns (default: case:concept:name, concept:name,
                                   time:timestamp, and lifecycle:transition if the header has it)
              --delimiter C        the CSV delimiter (default ,; tab for a tab)
              --time-format P      a java.time pattern for the times (default: ISO-8601)
              --zone ZONE          the zone of times written without an offset, like Asia/Bangkok
              --batch N            events per transaction, 1 to 1000 (default 500)
              --check              read and check everything, import nothing
            """;

    private static final Set<String> FLAGS = Set.of("--publish", "--check");
    private static final Set<String> VALUED = Set.of("--service", "--agency", "--name", "--calendar", "--mapping",
            "--rejected", "--withdrawn", "--case-prefix", "--format", "--case", "--activity", "--timestamp", "--lifecycle",
            "--delimiter", "--time-format", "--zone", "--batch");
    private static final Set<String> REPEATABLE = Set.of("--rejected", "--withdrawn");

    /** @throws InvalidEventLogException saying which argument is wrong */
    public static ImportLogArguments parse(List<String> args) {
        Map<String, List<String>> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            String value;
            if (FLAGS.contains(name) && eq < 0) {
                value = "true";
            } else if (VALUED.contains(name)) {
                if (eq > 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new InvalidEventLogException(name + " needs a value");
                }
            } else {
                throw new InvalidEventLogException("unknown option " + name);
            }
            List<String> values = options.computeIfAbsent(name, k -> new ArrayList<>());
            if (!values.isEmpty() && !REPEATABLE.contains(name)) {
                throw new InvalidEventLogException(name + " is given twice");
            }
            values.add(value);
        }
        if (positional.size() != 1) {
            throw new InvalidEventLogException(positional.isEmpty() ? "name the event log FILE to import"
                    : "one event log FILE at a time, not " + positional.size());
        }
        String service = one(options, "--service").orElseThrow(() -> new InvalidEventLogException(
                "--service CODE is required: the service the log's cases are applications of"));
        boolean publish = options.containsKey("--publish");
        for (String onlyWhenPublishing : List.of("--name", "--calendar")) {
            if (!publish && options.containsKey(onlyWhenPublishing)) {
                throw new InvalidEventLogException(onlyWhenPublishing + " describes a timeline to publish: add --publish");
            }
        }
        Endings endings = new Endings(activities(options.get("--rejected")), activities(options.get("--withdrawn")));
        Optional<ZoneId> zone = one(options, "--zone").map(ImportLogArguments::zone);
        EventTimes times;
        try {
            times = one(options, "--time-format").map(p -> EventTimes.pattern(p, zone)).orElseGet(() -> EventTimes.iso(zone));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventLogException("--time-format is not a java.time pattern: " + e.getMessage());
        }
        CsvLayout standard = CsvLayout.standard();
        char delimiter = one(options, "--delimiter").map(d -> CsvEventLog.delimiter(d).orElseThrow(() ->
                new InvalidEventLogException("--delimiter is one character (or tab), not '" + d + "'"))).orElse(standard.delimiter());
        CsvLayout csv = new CsvLayout(one(options, "--case").orElse(standard.caseColumn()),
                one(options, "--activity").orElse(standard.activityColumn()),
                one(options, "--timestamp").orElse(standard.timeColumn()),
                one(options, "--lifecycle"), delimiter);
        ImportLog.Request request = new ImportLog.Request(service, publish, one(options, "--agency"), one(options, "--name"),
                one(options, "--calendar"), Optional.empty(), endings, one(options, "--case-prefix").orElse(""));
        return new ImportLogArguments(Path.of(positional.get(0)), request, one(options, "--mapping").map(Path::of),
                one(options, "--format").map(EventLogFile::format).orElse(EventLogFile.Format.AUTO), csv, times,
                one(options, "--batch").map(ImportLogArguments::batch).orElse(DEFAULT_BATCH),
                options.containsKey("--check"));
    }

    public ImportLogArguments withMapping(Map<String, String> mapping) {
        ImportLog.Request r = request;
        return new ImportLogArguments(file, new ImportLog.Request(r.service(), r.publish(), r.agency(), r.name(), r.calendar(),
                Optional.of(mapping), r.endings(), r.subjectPrefix()), mapping(), format, csv, times, batchSize, checkOnly);
    }

    private static Optional<String> one(Map<String, List<String>> options, String name) {
        return Optional.ofNullable(options.get(name)).map(v -> v.get(0));
    }

    private static Set<String> activities(List<String> values) {
        Set<String> names = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                for (String name : v.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.trim());
                    }
                }
            }
        }
        return names;
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new InvalidEventLogException("--zone '" + text + "' is not a time zone: use an IANA name like Asia/Bangkok or UTC");
        }
    }

    private static int batch(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= ImportLog.MAX_BATCH) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidEventLogException("--batch is a number from 1 to " + ImportLog.MAX_BATCH + ", not '" + text + "'");
    }
}
