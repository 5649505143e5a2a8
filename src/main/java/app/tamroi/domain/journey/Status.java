package app.tamroi.domain.journey;

/** Where an application stands against its promise. */
public enum Status {
    /** Events arrived, but not yet the submission that starts the clock. */
    NOT_SUBMITTED,
    AHEAD,
    ON_TRACK,
    BEHIND,
    WAITING_ON_CITIZEN,
    COMPLETED_ON_TIME,
    COMPLETED_LATE,
    REJECTED,
    WITHDRAWN;

    public boolean ended() {
        return this == COMPLETED_ON_TIME || this == COMPLETED_LATE || this == REJECTED || this == WITHDRAWN;
    }
}
