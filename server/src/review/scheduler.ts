/**
 * Spaced review with FSRS (ts-fsrs), long-term scheduling only (`enable_short_term: false`). A correct
 * answer rates Good and gets FSRS's interval; anything less rates Again, and the item is due at once so it
 * comes back in the next review session. Pure apart from ts-fsrs.
 *
 * Spreading (issue 14 point 6): items answered right together share a card state, so FSRS gives them the same
 * interval and they would all fall due on one day. A daily cap spreads them instead of jitter (a cap is
 * predictable and testable with the injected clock): at most REVIEW_DAILY_CAP of a learner's cards fall due
 * on one UTC day; a card whose day is full moves on by whole days to the first day with room. A missed item
 * is still due at once: the cap only moves due dates in the future.
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

/** At most this many of one learner's review cards fall due on one UTC day (a review session asks 20). */
export const REVIEW_DAILY_CAP = 20;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `due` moved on by whole days past the UTC days that already hold `cap` of `others` (the learner's other
 * cards' due dates). A due date not after `now` stays: a missed item comes back at once.
 */
export function spreadDue(due: Date, others: readonly Date[], now: Date, cap = REVIEW_DAILY_CAP): Date {
  const perDay = new Map<string, number>();
  for (const d of others) perDay.set(reviewDay(d), (perDay.get(reviewDay(d)) ?? 0) + 1);
  return spreadDueByCount(due, (day) => perDay.get(day) ?? 0, now, cap);
}

/** The UTC day of a due date as review_day keys it: 'YYYY-MM-DD', the first ten characters of the stored ISO text. */
export const reviewDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * spreadDue over a count of the learner's other cards per UTC day (`cardsOn`), as review_day keeps it: the
 * write path reads the full days only, not every card due from then on.
 */
export function spreadDueByCount(due: Date, cardsOn: (day: string) => number, now: Date, cap = REVIEW_DAILY_CAP): Date {
  if (due.getTime() <= now.getTime() || cap < 1) return due;
  let shift = 0;
  while (cardsOn(reviewDay(new Date(due.getTime() + shift * DAY_MS))) >= cap) shift += 1;
  return new Date(due.getTime() + shift * DAY_MS);
}

export function serializeCard(card: Card): string {
  return JSON.stringify(card);
}

export function parseCard(json: string): Card {
  const raw = JSON.parse(json) as Card & { due: string; last_review?: string };
  return { ...raw, due: new Date(raw.due), last_review: raw.last_review ? new Date(raw.last_review) : undefined };
}
