/**
 * Locale messages by area (issue 12). ar.json and en.json stay the single sources of every string; the build
 * (client/build/i18n-areas.ts) cuts each into parts: `core`, every namespace the shell and the learner's pages
 * use (Arabic in the entry, English in its own chunk), and one chunk per area and language, loaded by the
 * routes that declare it (`meta.messages` in router.ts) and merged before their page renders (app-i18n.ts).
 * tests/client/i18n-areas.test.ts fails when a route shows a key that neither core nor its areas hold.
 */

/**
 * Each area and the top-level namespaces of ar.json / en.json it takes out of the core messages. Two areas may
 * hold the same namespace (merging it twice changes nothing).
 */
export const MESSAGE_AREAS = {
  /** The instructor's pages: classes, dashboards, item statistics (with the class's calibration), essays, exports. */
  teach: ["teach", "classTools", "exports", "quizTools"],
  /** Live class sessions: the instructor's console, projector and report, the phone's join and play pages. */
  live: ["live"],
  /** The course timeline's page (a learning tool seldom opened; the actor map shows in every lesson). */
  tools: ["timeline"],
  /** The attempt's tools: certainty, hints, calibration (the teach area holds them too, for the class's calibration). */
  quizTools: ["quizTools"],
} as const satisfies Record<string, readonly string[]>;

export type MessageArea = keyof typeof MESSAGE_AREAS;
export type MessagePart = "core" | MessageArea;
export const MESSAGE_PARTS: readonly MessagePart[] = ["core", ...(Object.keys(MESSAGE_AREAS) as MessageArea[])];

/**
 * Keys (or whole subtrees) inside an area's namespaces that are shown outside that area, so they stay in the
 * core messages too: the notice when a learner opens /teach, the instructor's block on the course home page,
 * the link to the timeline, and the answer-distribution labels of the item-type registry (quiz/item-types.ts), which learner pages
 * import, and of the live bars that the phones show too.
 */
export const CORE_KEYS: readonly string[] = [
  "teach.onlyInstructors",
  "teach.homeLead",
  "teach.classes.title",
  ...["true", "false", "essayNoOptions", "noResponses", "statements", "countShare", "outcome"].map((k) => `teach.items.${k}`),
  // The header's link to the timeline.
  "timeline.nav",
];

type Tree = Record<string, unknown>;

function getPath(tree: Tree, key: string): unknown {
  return key.split(".").reduce<unknown>((node, k) => (node && typeof node === "object" ? (node as Tree)[k] : undefined), tree);
}

function setPath(tree: Tree, key: string, value: unknown) {
  const parts = key.split(".");
  let node = tree;
  for (const k of parts.slice(0, -1)) node = (node[k] ??= {}) as Tree;
  node[parts[parts.length - 1]] = value;
}

/** The part of one language's messages that `part` carries. */
export function pickMessages(all: Tree, part: MessagePart): Tree {
  const inAreas = new Set<string>(Object.values(MESSAGE_AREAS).flat());
  const out: Tree = {};
  if (part === "core") {
    for (const [ns, value] of Object.entries(all)) if (!inAreas.has(ns)) out[ns] = value;
    for (const key of CORE_KEYS) {
      const value = getPath(all, key);
      if (value === undefined) throw new Error(`i18n areas: CORE_KEYS names ${key}, which the messages do not have`);
      setPath(out, key, value);
    }
  } else {
    for (const ns of MESSAGE_AREAS[part]) if (ns in all) out[ns] = all[ns];
  }
  return out;
}
