package app.tamroi.domain.journey;

public enum StepState { DONE, CURRENT, PENDING, SKIPPED }
