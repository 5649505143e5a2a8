package app.tamroi.usecase.importlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StepCodesTest {

    @Test
    void anActivitysStepCodeIsASlugOfItsName() {
        StepCodes codes = StepCodes.slugs(List.of("Take in charge ticket", "Create SW anomaly", "  Résumé / Überprüfung  ",
                "ตรวจสอบเอกสาร", "W_Completeren aanvraag"));

        assertEquals("take-in-charge-ticket", codes.of("Take in charge ticket").orElseThrow());
        assertEquals("create-sw-anomaly", codes.of("Create SW anomaly").orElseThrow());
        assertEquals("resume-uberprufung", codes.of("  Résumé / Überprüfung  ").orElseThrow());
        assertEquals("step", codes.of("ตรวจสอบเอกสาร").orElseThrow(), "a name with no latin letter still gets a code");
        assertEquals("w-completeren-aanvraag", codes.of("W_Completeren aanvraag").orElseThrow());
    }

    @Test
    void aLongNameGivesACodeShortEnoughForANumberedSuffix() {
        String code = StepCodes.slugs(List.of("x".repeat(300))).of("x".repeat(300)).orElseThrow();

        assertEquals(StepCodes.MAX_SLUG, code.length());
    }

    @Test
    void namesWithTheSameSlugGetCodesNumberedInTheOrderOfTheNamesWhateverTheFileOrder() {
        List<String> names = new ArrayList<>(List.of("RESOLVED", "Resolved", "resolved!", "Resolve ticket"));
        Random random = new Random(8);
        Map<String, String> first = null;
        for (int round = 0; round < 10; round++) {
            Collections.shuffle(names, random);
            StepCodes codes = StepCodes.slugs(names);
            Map<String, String> now = Map.of("RESOLVED", codes.of("RESOLVED").orElseThrow(), "Resolved",
                    codes.of("Resolved").orElseThrow(), "resolved!", codes.of("resolved!").orElseThrow());
            if (first == null) {
                first = now;
            }
            assertEquals(first, now);
        }
        assertEquals(Map.of("RESOLVED", "resolved", "Resolved", "resolved-2", "resolved!", "resolved-3"), first);
        assertEquals("resolve-ticket", StepCodes.slugs(names).of("Resolve ticket").orElseThrow());
    }

    @Test
    void aMappingThatGivesAnInvalidStepCodeIsRefused() {
        InvalidEventLogException e = assertThrows(InvalidEventLogException.class,
                () -> StepCodes.mapped(Map.of("Check", "Review Step")));

        assertEquals("the mapping gives activity 'Check' the step code 'Review Step': a step code is 1–64 lower-case letters, "
                + "digits or dashes", e.getMessage());
    }
}
