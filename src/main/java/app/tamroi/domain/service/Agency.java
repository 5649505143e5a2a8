package app.tamroi.domain.service;

/** A government agency that publishes services; its name tells a citizen whose service it is. */
public record Agency(String code, LocalizedText name) {

    public Agency {
        ServiceDefinition.requireCode(code, "agency");
        if (name == null) {
            throw new IllegalArgumentException("agency '" + code + "' needs a name");
        }
    }

    /** An agency the operator has not named yet is shown by its code, never by a name it chose itself. */
    public static Agency unnamed(String code) {
        return new Agency(code, new LocalizedText(code, code));
    }
}
