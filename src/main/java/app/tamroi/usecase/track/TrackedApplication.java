package app.tamroi.usecase.track;

import app.tamroi.domain.application.Application;
import app.tamroi.domain.application.RecordedEvent;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.service.Agency;
import java.util.List;

/**
 * An application with its status at one instant, the events that status was derived from, and the
 * agency whose service it is, as the operator names it.
 */
public record TrackedApplication(Application application, JourneyStatus status, List<RecordedEvent> events,
                                 Agency agency) {
}
