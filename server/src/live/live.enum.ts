/** The phases of a live session and the instructor's actions (issue 17; /work contract: LiveSessionPhase, LiveAction). */
import { registerEnumType } from "type-graphql";

export enum LiveSessionPhase {
  LOBBY = "LOBBY",
  QUESTION = "QUESTION",
  OPEN = "OPEN",
  LOCKED = "LOCKED",
  DISTRIBUTION = "DISTRIBUTION",
  REVEALED = "REVEALED",
  ENDED = "ENDED",
}
registerEnumType(LiveSessionPhase, {
  name: "LiveSessionPhase",
  description:
    "LOBBY: nobody asked yet. QUESTION: the item is shown, answers accepted. OPEN: the timer runs (answers until closesAt). LOCKED: answers refused. DISTRIBUTION: the spread is shown. REVEALED: the right answer, explanation and evidence are shown. ENDED: over.",
});

export enum LiveAction {
  SHOW_NEXT = "SHOW_NEXT",
  START_TIMER = "START_TIMER",
  LOCK = "LOCK",
  SHOW_DISTRIBUTION = "SHOW_DISTRIBUTION",
  REVEAL = "REVEAL",
  END = "END",
}
registerEnumType(LiveAction, { name: "LiveAction", description: "An instructor's control of a live session; START_TIMER takes seconds (5–300)." });
