package app.tamroi.adapter.in.eventlog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;

/**
 * How a log writes its times. By default ISO-8601 with an offset ({@code 2012-10-09T14:50:17+00:00},
 * {@code Z}, a space for the {@code T}, fractions of a second); a time without an offset needs the
 * zone the log was kept in. A CSV export may instead be read with a pattern of its own.
 */
public final class EventTimes {

    /** ISO-8601 with an optional offset, as XES and most CSV exports write it. */
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter(Locale.ROOT);

    private final DateTimeFormatter format;
    private final Optional<String> pattern;
    private final Optional<ZoneId> zone;

    private EventTimes(DateTimeFormatter format, Optional<String> pattern, Optional<ZoneId> zone) {
        this.format = format;
        this.pattern = pattern;
        this.zone = zone;
    }

    public static EventTimes iso(Optional<ZoneId> zone) {
        return new EventTimes(ISO, Optional.empty(), zone);
    }

    /** @throws IllegalArgumentException when the pattern is not one java.time reads */
    public static EventTimes pattern(String pattern, Optional<ZoneId> zone) {
        return new EventTimes(DateTimeFormatter.ofPattern(pattern, Locale.ROOT), Optional.of(pattern), zone);
    }

    /** @throws DateTimeException saying what form was expected */
    public Instant parse(String text) {
        TemporalAccessor parsed;
        try {
            parsed = format.parseBest(text.trim(), ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
        } catch (DateTimeException e) {
            throw new DateTimeException("'" + text + "' is not a time " + expected());
        }
        if (parsed instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (parsed instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        LocalDateTime local = (LocalDateTime) parsed;
        return local.atZone(zone.orElseThrow(() -> new DateTimeException("'" + text
                + "' has no offset from UTC: give the zone the log was kept in"))).toInstant();
    }

    private String expected() {
        return pattern.map(p -> "of the pattern " + p)
                .orElse("in ISO-8601 like 2012-10-09T14:50:17+00:00" + (zone.isPresent() ? " or 2012-10-09T14:50:17" : ""));
    }
}
