import { registerEnumType } from "type-graphql";

export enum AttemptMode {
  PRACTICE = "PRACTICE",
  ASSESSMENT = "ASSESSMENT",
}
registerEnumType(AttemptMode, { name: "AttemptMode", description: "PRACTICE: feedback after each answer, unlimited. ASSESSMENT: feedback as the quiz's review policy allows." });

export enum AttemptState {
  IN_PROGRESS = "IN_PROGRESS",
  FINISHED = "FINISHED",
  ABANDONED = "ABANDONED",
}
registerEnumType(AttemptState, { name: "AttemptState" });

export enum ResponseStatus {
  ANSWERED = "ANSWERED",
  GRADED = "GRADED",
  PENDING_MANUAL = "PENDING_MANUAL",
}
registerEnumType(ResponseStatus, {
  name: "ResponseStatus",
  description: "ANSWERED: stored, result not shown (yet). GRADED: scored. PENDING_MANUAL: an essay awaiting an instructor.",
});

export enum CertaintyMode {
  OFF = "OFF",
  OPTIONAL = "OPTIONAL",
  REQUIRED = "REQUIRED",
}
registerEnumType(CertaintyMode, {
  name: "CertaintyMode",
  description: "Certainty-based marking for this attempt's mode: OFF (no certainty), OPTIONAL (1–3 may be given), REQUIRED (every answer carries one).",
});
