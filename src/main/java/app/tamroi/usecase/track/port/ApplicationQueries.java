package app.tamroi.usecase.track.port;

import app.tamroi.domain.application.Application;
import app.tamroi.domain.application.RecordedEvent;
import app.tamroi.domain.application.TrackingCode;
import java.util.List;
import java.util.Optional;

/** Reads one application and its log. */
public interface ApplicationQueries {

    Optional<Application> byTrackingCode(TrackingCode code);

    Optional<Application> bySubject(String agency, String subject);

    List<RecordedEvent> events(long applicationId);
}
