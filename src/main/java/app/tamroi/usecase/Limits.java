package app.tamroi.usecase;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;

/**
 * Every bound on what a sender or a visitor may ask of Tamroi, in one place: each input is held to
 * these where it enters, so that the work behind any one request stays small and the data stored
 * can always be read back. docs/security.md lists them with their reasons.
 */
@ConfigMapping(prefix = "tamroi.limits")
public interface Limits {

    Text text();

    Time time();

    Timeline timeline();

    Body body();

    Lookups lookups();

    Request request();

    Tokens tokens();

    Connections connections();

    ImportLog importLog();

    /** Lengths in characters of what senders write. */
    interface Text {
        @WithDefault("256")
        int maxId();

        @WithDefault("128")
        int maxSubject();

        @WithDefault("64")
        int maxCode();

        @WithDefault("500")
        int maxNote();

        @WithDefault("200")
        int maxName();

        @WithDefault("2000")
        int maxDescription();
    }

    /** The span of time the domain computes over. */
    interface Time {
        /** No e-service event predates this; earlier times are typing errors or attacks. */
        @WithDefault("1970-01-01T00:00:00Z")
        Instant earliest();

        /** How far in the future an event's time may lie before it is refused (clocks drift). */
        @WithDefault("PT5M")
        Duration maxClockSkew();

        /** How far past now an agency may ask "as of". */
        @WithDefault("P1830D")
        Duration asOfHorizon();
    }

    /** What a published timeline may promise. */
    interface Timeline {
        /** The longest promise or step target, in working days of the service's calendar. */
        @WithDefault("1000")
        int maxWorkingDays();

        /** Decimals allowed in aheadFraction and atRiskFraction. */
        @WithDefault("4")
        int maxFractionDecimals();
    }

    /** Request bodies and JSON. */
    interface Body {
        /** The most events one HTTP batch may carry. */
        @WithDefault("1000")
        int maxBatch();

        /** The largest event or timeline body, in bytes. */
        @WithDefault("1048576")
        int maxBytes();

        /** The deepest nesting of JSON arrays and objects. */
        @WithDefault("32")
        int maxJsonDepth();

        /** The longest JSON number, in characters. */
        @WithDefault("40")
        int maxJsonNumberLength();
    }

    /** How long any one request may take. */
    interface Request {
        /**
         * The deadline of every HTTP request and of every database statement: past it the
         * statement is cancelled by PostgreSQL and the client is answered 503 with Retry-After.
         */
        @WithDefault("PT10S")
        java.time.Duration deadline();
    }

    /** Public lookups (status pages and the track API) per client address. */
    interface Lookups {
        /** Lookups a client may make at once. */
        @WithDefault("60")
        int burst();

        /** Lookups a client regains per minute. */
        @WithDefault("60")
        int perMinute();

        /**
         * Clients whose lookups are remembered at once; beyond it the least recently seen is
         * forgotten (and starts again with a full burst), so a flood of addresses costs bounded memory.
         */
        @WithDefault("20000")
        int maxClients();
    }

    /** What a connection may hold of the server before it has asked anything. */
    interface Connections {
        /**
         * How long a client has to send a complete request head, from the moment it connects or,
         * on a kept-alive connection, sends the first byte of its next request: a head trickled a
         * byte at a time would otherwise hold its socket for as long as the client likes.
         */
        @WithDefault("PT10S")
        Duration requestHeadDeadline();
    }

    /**
     * Agencies' bearer tokens. Their longest lifetime (exp − iat, 24 h) is smallrye-jwt's own
     * {@code smallrye.jwt.time-to-live}, set in application.properties.
     */
    interface Tokens {
        /**
         * How far in the future a token's iat may lie (the identity provider's clock may run ahead
         * of ours); a token issued later than that was minted for later use, as a forger would.
         */
        @WithDefault("PT60S")
        Duration maxClockSkew();
    }

    /**
     * Event log files an operator imports (the import-log command): read whole into memory and
     * checked before anything is stored, so their size is bounded, compressed or not.
     */
    interface ImportLog {
        /** The most bytes read from a file, counted after decompression (a small gzip can unpack to gigabytes). */
        @WithDefault("536870912")
        long maxBytes();

        /** The most completed events one file may hold. */
        @WithDefault("1000000")
        int maxEvents();

        /** The longest case id, activity, time or lifecycle value, in characters. */
        @WithDefault("1000")
        int maxValueLength();

        /** The longest CSV record (all its fields), in characters. */
        @WithDefault("65536")
        int maxCsvRecordLength();
    }
}
