package app.tamroi.usecase.access;

import java.util.Set;

/** Who is asking: an agency and what its token lets it do. */
public record Caller(String agency, Set<String> groups) {

    public static final String TIMELINE_EDITOR = "timeline-editor";
    public static final String EVENT_PUBLISHER = "event-publisher";
    public static final String AGENCY_VIEWER = "agency-viewer";

    public Caller {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public boolean actsFor(String someAgency) {
        return agency != null && agency.equals(someAgency);
    }

    /** Refuses, with the reason, an agency acting on another agency's service. */
    public void requireAgency(String owner, String what) {
        if (agency == null) {
            throw new NotPermittedException("your token has no 'agency' claim, so it may not act on " + what);
        }
        if (!actsFor(owner)) {
            throw new NotPermittedException("your token acts for agency '" + agency + "', but " + what
                    + " belongs to agency '" + owner + "'");
        }
    }
}
