/**
 * The schema of content/actors.yaml, the actor-relations map: actors (those the article names, and those only
 * the context sheet names, with their source) and typed relations between them, each backed by the lesson
 * paragraphs that state it or, for a fact beyond the article, by its source. Cross-checks (ids that must
 * exist) live in actors.validate.ts.
 */
import { z } from "zod";
import { Bilingual } from "./content.schema.js";

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case letters, digits and hyphens");
const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "dates are ISO and may be partial: 2021, 2024-01, 2025-02-17");

export const RELATION_TYPES = ["cooperation", "rivalry", "accusation", "mediation", "withdrawal"] as const;

/** Where a fact beyond the article comes from (/work/shared/source/context.md names it beside the fact). */
export const ContextSource = z
  .object({
    publisher: z.string().trim().min(1),
    date: PartialDate,
    // Rendered as a link: http(s) only.
    url: z.url({ protocol: /^https?$/, error: "a source URL must be an http:// or https:// address" }),
  })
  .strict();
export type ContextSource = z.infer<typeof ContextSource>;

/** Other names of an actor, per language, as the article or the lessons write them (searched, and shown on the map). */
const Aliases = z
  .object({ ar: z.array(z.string().trim().min(1)), en: z.array(z.string().trim().min(1)) })
  .strict();

export const ActorNode = z
  .object({
    id: Id,
    kind: z.enum(["article", "context"]),
    name: Bilingual,
    aliases: Aliases.optional(),
    role: Bilingual,
    source: ContextSource.optional(),
  })
  .strict()
  .refine((n) => (n.kind === "context") === (n.source !== undefined), {
    message: "a context actor names its source; an actor of the article has none (its relations cite the lessons)",
    path: ["source"],
  });
export type ActorNode = z.infer<typeof ActorNode>;

export const ActorEdge = z
  .object({
    from: Id,
    to: Id,
    type: z.enum(RELATION_TYPES),
    label: Bilingual,
    /** Lesson paragraph ids that state the relation (as items cite their evidence). */
    evidence: z.array(Id).optional(),
    /** For a relation known only from the context sheet: its source. */
    source: ContextSource.optional(),
  })
  .strict()
  .refine((e) => (e.evidence?.length ?? 0) > 0 || e.source !== undefined, {
    message: "a relation needs evidence: lesson paragraph ids, or the source of a context fact",
    path: ["evidence"],
  });
export type ActorEdge = z.infer<typeof ActorEdge>;

export const ActorsFile = z.object({ nodes: z.array(ActorNode).min(1), edges: z.array(ActorEdge) }).strict();
export type ActorsFile = z.infer<typeof ActorsFile>;

/** What a course without content/actors.yaml has: no map. */
export const NO_ACTORS: ActorsFile = { nodes: [], edges: [] };
