package app.tamroi.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Allow header of a 405 lists the methods of the path asked for, read from resource templates. */
class AllowedMethodsTest {

    @Test
    void aPlainVariableTakesOneSegment() {
        Pattern services = AllowedMethods.pattern("/api/v1/services/{code}");
        assertTrue(services.matcher("/api/v1/services/pit-refund").matches());
        assertTrue(services.matcher("/api/v1/services/pit-refund/").matches());
        assertFalse(services.matcher("/api/v1/services/pit-refund/versions").matches());
        assertFalse(services.matcher("/api/v1/services").matches());
    }

    @Test
    void aVariableWithItsOwnRegexTakesWhatItSays() {
        Pattern page = AllowedMethods.pattern("/track//{trackingCode: .+}");
        assertTrue(page.matcher("/track/7KQ2/M9XD").matches());
        assertFalse(page.matcher("/track").matches());
        assertTrue(AllowedMethods.pattern("/{n: [0-9]{2}}").matcher("/42").matches());
    }

    @Test
    void theRootIsASlash() {
        assertTrue(AllowedMethods.pattern("//").matcher("/").matches());
        assertFalse(AllowedMethods.pattern("//").matcher("/track").matches());
    }
}
