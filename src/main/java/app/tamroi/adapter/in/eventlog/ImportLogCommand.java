package app.tamroi.adapter.in.eventlog;

import app.tamroi.usecase.Limits;
import app.tamroi.usecase.importlog.ImportLog;
import app.tamroi.usecase.importlog.InvalidEventLogException;
import app.tamroi.usecase.importlog.LoggedEvent;
import app.tamroi.usecase.importlog.TimelineFromLog;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar quarkus-run.jar import-log FILE --service CODE [options]}: reads an agency's event
 * log, has it checked whole, then imported, and tells how it went. Exit codes: 0 imported (events
 * already there count as imported), 1 some events were refused or the store failed part-way,
 * 2 nothing imported (a bad file or bad arguments).
 */
// looked up by the import-log command, which the build cannot see
@Unremovable
@ApplicationScoped
public class ImportLogCommand {

    public static final int IMPORTED = 0;
    public static final int PARTLY = 1;
    public static final int REFUSED = 2;

    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ImportLog importLog;
    private final Limits limits;

    public ImportLogCommand(ImportLog importLog, Limits limits) {
        this.importLog = importLog;
        this.limits = limits;
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(ImportLogArguments.USAGE);
            return IMPORTED;
        }
        ImportLogArguments arguments;
        try {
            arguments = ImportLogArguments.parse(args);
        } catch (InvalidEventLogException e) {
            err.println("import-log: nothing imported: " + e.getMessage() + " (import-log --help lists the options)");
            return REFUSED;
        }
        ImportLog.Plan plan;
        try {
            if (arguments.mapping().isPresent()) {
                arguments = arguments.withMapping(StepMappingFile.read(arguments.mapping().get()));
            }
            long began = System.nanoTime();
            List<LoggedEvent> events = read(arguments);
            plan = importLog.prepare(events, arguments.request());
            out.printf(Locale.ROOT, "Read and checked %,d completed events in %,d cases from %s in %.1f s%n", plan.loggedEvents(),
                    plan.cases().size(), arguments.file().getFileName(), seconds(System.nanoTime() - began));
        } catch (InvalidEventLogException e) {
            err.println("import-log: nothing imported: " + arguments.file().getFileName() + ": " + e.getMessage());
            return REFUSED;
        }
        plan.proposal().ifPresent(p -> describe(plan, p, out));
        if (arguments.checkOnly()) {
            out.printf(Locale.ROOT, "Checked: %,d step events for %,d applications of service %s (agency %s); nothing imported (--check)%n",
                    plan.inEventTimeOrder().size(), plan.cases().size(), plan.service(), plan.agency());
            return IMPORTED;
        }
        return importAll(plan, arguments, out, err);
    }

    private List<LoggedEvent> read(ImportLogArguments arguments) {
        EventLogBounds bounds = EventLogBounds.of(limits.importLog());
        return new EventLogFile(bounds).read(arguments.file(), arguments.format(),
                new XesEventLog(arguments.times(), bounds), new CsvEventLog(arguments.csv(), arguments.times(), bounds));
    }

    private static void describe(ImportLog.Plan plan, TimelineFromLog.Proposal proposal, PrintStream out) {
        out.printf(Locale.ROOT, "Timeline of service %s (agency %s) drawn from the log: %d steps, in the order they usually come%n",
                plan.service(), plan.agency(), proposal.findings().size());
        int n = 1;
        for (TimelineFromLog.StepFinding f : proposal.findings()) {
            String target = proposal.definition().step(f.code()).orElseThrow().target().toString();
            out.printf(Locale.ROOT, "  %2d. %-28s entered %,7d times, median stay %-10s target %s%n", n++, f.code(), f.entered(),
                    words(f.medianStay()), target);
        }
    }

    private int importAll(ImportLog.Plan plan, ImportLogArguments arguments, PrintStream out, PrintStream err) {
        long began = System.nanoTime();
        long[] lastShown = {began};
        out.printf(Locale.ROOT, "Importing %,d step events in event-time order, %d a batch%n", plan.inEventTimeOrder().size(),
                arguments.batchSize());
        ImportLog.Summary summary;
        try {
            summary = importLog.run(plan, arguments.batchSize(), (done, total) -> {
                long now = System.nanoTime();
                if (done == total || now - lastShown[0] >= PROGRESS_EVERY_NANOS) {
                    lastShown[0] = now;
                    out.printf(Locale.ROOT, "  %,d / %,d events (%.0f %%), %,.0f events/s%n", done, total,
                            100.0 * done / total, done / Math.max(seconds(now - began), 1e-3));
                }
            });
        } catch (RuntimeException e) {
            err.println("import-log: stopped part-way: " + e.getMessage() + "; what went in stays, and importing the "
                    + "same file again finishes the import");
            return PARTLY;
        }
        double took = seconds(System.nanoTime() - began);
        out.printf(Locale.ROOT, "Imported %s into service %s%s%n", arguments.file().getFileName(), plan.service(),
                summary.published().map(p -> p.created() ? " (version " + p.version() + ", published now)"
                        : " (version " + p.version() + ", unchanged)").orElse(""));
        out.printf(Locale.ROOT, "  cases: %,d; log events: %,d; step events: %,d%n", summary.cases(), summary.loggedEvents(),
                summary.stepEvents());
        out.printf(Locale.ROOT, "  applied: %,d; duplicates (imported before): %,d; rejected: %,d%n", summary.applied(),
                summary.duplicates(), summary.rejected());
        summary.rejectedByKind().forEach((kind, count) -> out.printf(Locale.ROOT, "    rejected as %s: %,d%n", kind, count));
        summary.firstRejections().forEach(r -> out.println("    e.g. " + r));
        out.printf(Locale.ROOT, "  in %.1f s (%,.0f events/s)%n", took, summary.stepEvents() / Math.max(took, 1e-3));
        return summary.rejected() == 0 ? IMPORTED : PARTLY;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String words(Duration d) {
        long minutes = d.toMinutes();
        if (minutes >= 24 * 60) {
            return String.format(Locale.ROOT, "%dd %dh", minutes / (24 * 60), minutes % (24 * 60) / 60);
        }
        return minutes >= 60 ? String.format(Locale.ROOT, "%dh %dm", minutes / 60, minutes % 60) : minutes + "m";
    }
}
