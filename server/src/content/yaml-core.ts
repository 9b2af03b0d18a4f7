/**
 * The fast way to read a content file: js-yaml with YAML 1.2's core schema written out from the spec's tag
 * resolution table (YAML 1.2.2, 10.3.2), which is what yaml (the slower parser, whose diagnostics carry line and
 * column) follows. js-yaml's own CORE_SCHEMA is looser (0b101 is an integer there, +.5 and 1e500 strings), so
 * its four implicit types are replaced here. js-yaml parses the course five to eight times faster than yaml's
 * document model, which was the largest part of a cold start.
 *
 * One thing js-yaml does not do is count alias references (yaml refuses more than a hundred: a few lines of
 * anchors can expand to billions of nodes), so a text that may hold an alias is left to yaml.
 */
import jsYaml from "js-yaml";

const scalar = (tag: string, pattern: RegExp, construct: (s: string) => unknown) =>
  new jsYaml.Type(`tag:yaml.org,2002:${tag}`, { kind: "scalar", resolve: (s: string | null) => pattern.test(s ?? ""), construct: (s: string | null) => construct(s ?? "") });

const CORE = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar("null", /^(?:null|Null|NULL|~|)$/, () => null),
    scalar("bool", /^(?:true|True|TRUE|false|False|FALSE)$/, (s) => s[0] === "t" || s[0] === "T"),
    scalar("int", /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (s) =>
      s.startsWith("0o") ? parseInt(s.slice(2), 8) : s.startsWith("0x") ? parseInt(s.slice(2), 16) : Number(s),
    ),
    scalar("float", /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, (s) => {
      const lower = s.toLowerCase();
      if (lower.endsWith(".nan")) return NaN;
      if (lower.endsWith(".inf")) return s.startsWith("-") ? -Infinity : Infinity;
      return Number(s);
    }),
  ],
});

/**
 * Wherever an alias (`*name`) could start: a `*` followed by a non-space at the start of a line or after a
 * space, a bracket, a brace, a comma or a colon. A superset (a `*word*` in prose matches too): such a text is
 * only read the slower way.
 */
export const MAY_HAVE_ALIAS = /(^|[\s[\]{},:])\*\S/m;

/** The value of a YAML text under the core schema; throws js-yaml's error on a text it refuses (duplicate keys included). */
export function loadCoreYaml(text: string): unknown {
  return jsYaml.load(text, { schema: CORE });
}
