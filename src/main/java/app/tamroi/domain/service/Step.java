package app.tamroi.domain.service;

import app.tamroi.domain.calendar.WorkingDuration;

/** One stage of a service journey, with the working time the agency allows itself for it. */
public record Step(String code, LocalizedText name, WorkingDuration target, StepOwner owner) {

    public Step {
        ServiceDefinition.requireCode(code, "step code");
        if (name == null) {
            throw new IllegalArgumentException("step '" + code + "' needs a name");
        }
        if (target == null) {
            throw new IllegalArgumentException("step '" + code + "' needs a target, like 2d");
        }
        owner = owner == null ? StepOwner.AGENCY : owner;
    }

    public boolean ownedByCitizen() {
        return owner == StepOwner.CITIZEN;
    }
}
