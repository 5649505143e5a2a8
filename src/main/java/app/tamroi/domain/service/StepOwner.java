package app.tamroi.domain.service;

/** Who must act for a step to move on; while the citizen owns the step, the clock stops. */
public enum StepOwner { AGENCY, CITIZEN }
