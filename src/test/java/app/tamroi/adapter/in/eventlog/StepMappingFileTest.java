package app.tamroi.adapter.in.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.tamroi.usecase.importlog.InvalidEventLogException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepMappingFileTest {

    @Test
    void aMappingGivesEachActivityItsStepAndSeveralActivitiesMayShareOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("steps.csv"), """
                activity,step
                Assign seriousness,triage
                "Take in charge ticket",triage
                "Resolve ticket, first line",resolve

                """);

        assertEquals(Map.of("Assign seriousness", "triage", "Take in charge ticket", "triage",
                "Resolve ticket, first line", "resolve"), StepMappingFile.read(file));
    }

    @Test
    void anActivityMappedTwiceOrARowOfOneFieldIsRefusedAtItsLine(@TempDir Path dir) throws Exception {
        Path twice = Files.writeString(dir.resolve("twice.csv"), "Check,review\nCheck,approve\n");
        Path short1 = Files.writeString(dir.resolve("short.csv"), "Check,review\nApprove\n");

        assertEquals("mapping file " + twice + ", line 2: activity 'Check' is mapped to 'review' already",
                assertThrows(InvalidEventLogException.class, () -> StepMappingFile.read(twice)).getMessage());
        assertEquals("mapping file " + short1 + ", line 2: write two fields, the activity and its step code, not 1",
                assertThrows(InvalidEventLogException.class, () -> StepMappingFile.read(short1)).getMessage());
    }
}
