package app.tamroi.usecase.timeline.port;

import app.tamroi.domain.service.Agency;

/**
 * The agencies the operator names in configuration. A service's owner is shown to citizens from
 * here, not from the timeline the agency sent, so no agency can pass its service off as another's.
 */
public interface Agencies {

    /** The named agency, or one shown by its code when the operator has not named it. */
    Agency byCode(String code);
}
