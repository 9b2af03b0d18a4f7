/**
 * Spaced review with FSRS (ts-fsrs), long-term scheduling only (`enable_short_term: false`). A correct
 * answer rates Good and gets FSRS's interval; anything less rates Again, and the item is due at once so it
 * comes back in the next review session. Pure apart from ts-fsrs.
 */
import type { Card } from "ts-fsrs";
import { createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs";

const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

export type StoredCard = Card;

export function newCard(now: Date): Card {
  return createEmptyCard(now);
}

/** The card after one answer at `now`; `notBefore` holds a due date back (assessment results still hidden). */
export function reschedule(card: Card, correct: boolean, now: Date, notBefore?: Date): Card {
  const next = scheduler.next(card, now, correct ? Rating.Good : Rating.Again).card;
  let due = correct ? next.due : now;
  if (notBefore && due < notBefore) due = notBefore;
  return { ...next, due };
}

export function serializeCard(card: Card): string {
  return JSON.stringify(card);
}

export function parseCard(json: string): Card {
  const raw = JSON.parse(json) as Card & { due: string; last_review?: string };
  return { ...raw, due: new Date(raw.due), last_review: raw.last_review ? new Date(raw.last_review) : undefined };
}
