/**
 * Locale messages by area (issue 12): `import m from "virtual:i18n-messages/<ar|en>/<part>"` gives the part of
 * client/src/i18n/<locale>.json that client/src/i18n/areas.ts assigns to `part` (core, or an area). Each import
 * is a module of its own, so each part is a chunk of its own (core Arabic goes into the entry, which imports it
 * statically); the JSON files stay the single source that tests and the parity checks read.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import { MESSAGE_PARTS, pickMessages } from "../src/i18n/areas.js";
import type { MessagePart } from "../src/i18n/areas.js";

const PREFIX = "virtual:i18n-messages/";
const LOCALES = ["ar", "en"];

export function i18nAreas(clientSrc: string): Plugin {
  return {
    name: "sahel:i18n-areas",
    resolveId(id) {
      // The resolved id's last segment names the chunk: messages-en-teach-<hash>.js.
      return id.startsWith(PREFIX) ? `\0${PREFIX}messages-${id.slice(PREFIX.length).replace("/", "-")}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const [, locale, part] = id.slice(PREFIX.length + 1).split("-");
      if (!LOCALES.includes(locale) || !MESSAGE_PARTS.includes(part as MessagePart)) throw new Error(`i18n areas: no messages ${id.slice(1)}`);
      const file = path.join(clientSrc, "i18n", `${locale}.json`);
      this.addWatchFile(file);
      const messages = pickMessages(JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>, part as MessagePart);
      // JSON.parse of a string literal: smaller to ship and faster to parse than an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(messages))});`;
    },
  };
}
