package app.tamroi.domain.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A code a citizen can read aloud, copy from paper with mistakes, and that cannot be guessed. */
class TrackingCodeTest {

    @Test
    void aCodeIsReadAloudInGroupsOfFour() {
        TrackingCode code = TrackingCode.generate(new Random(7));
        assertTrue(code.grouped().matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}"),
                code.grouped());
    }

    @Test
    void codesDoNotRepeatAcrossManyApplications() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(TrackingCode.generate(random).value()));
        }
    }

    @Test
    void caseSpacesDashesAndLookAlikeLettersDoNotMatter() {
        TrackingCode code = TrackingCode.generate(new Random(11));
        String sloppy = code.grouped().toLowerCase().replace("-", " ").replace('1', 'l').replace('0', 'o');
        assertEquals(Optional.of(code), TrackingCode.read(sloppy));
        assertEquals(Optional.of(code), TrackingCode.read(code.value().replace('1', 'I')));
    }

    @Test
    void aMistypedSymbolFailsTheCheck() {
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            String code = TrackingCode.generate(random).value();
            int at = random.nextInt(13);
            char wrong = code.charAt(at) == '7' ? '8' : '7';
            String typo = code.substring(0, at) + wrong + code.substring(at + 1);
            assertEquals(Optional.empty(), TrackingCode.read(typo), "typo " + typo + " of " + code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABC", "UUUU-UUUU-UUUU-UU", "../../etc/passwd", "0000-0000-0000-0000-0000-0000-0000-0000-0000-0000"})
    void malformedCodesReadAsNothing(String written) {
        assertEquals(Optional.empty(), TrackingCode.read(written));
    }
}
