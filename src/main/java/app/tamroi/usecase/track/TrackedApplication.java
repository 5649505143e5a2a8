package app.tamroi.usecase.track;

import app.tamroi.domain.application.Application;
import app.tamroi.domain.application.RecordedEvent;
import app.tamroi.domain.journey.JourneyStatus;
import java.util.List;

/** An application with its status at one instant and the events that status was derived from. */
public record TrackedApplication(Application application, JourneyStatus status, List<RecordedEvent> events) {
}
