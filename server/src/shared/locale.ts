import { registerEnumType } from "type-graphql";
import type { Bilingual } from "../content/content.parts.js";

export enum Locale {
  AR = "AR",
  EN = "EN",
}
registerEnumType(Locale, { name: "Locale", description: "Content language. AR is the default everywhere." });

/** The text of a bilingual pair in the requested locale. */
export const pick = (b: Bilingual, locale: Locale): string => (locale === Locale.EN ? b.en : b.ar);
