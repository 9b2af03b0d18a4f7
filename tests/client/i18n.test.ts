/** Every user-visible string exists in both languages, and every server error code has a message. */
import { describe, expect, it } from "vitest";
import { ERROR_CODES as SERVER_CODES } from "../../server/src/errors.js";
import { ERROR_CODES } from "../../client/src/errors.js";
import { messages } from "../../client/src/i18n/index.js";
import { formatContentDate } from "../../client/src/format.js";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
const lookup = (o: object, key: string) => key.split(".").reduce<unknown>((acc, k) => (acc as Record<string, unknown> | undefined)?.[k], o);

describe("client strings", () => {
  it("should have the same keys in Arabic and English, none empty", () => {
    expect(keys(messages.ar).sort()).toEqual(keys(messages.en).sort());
    for (const k of keys(messages.ar)) {
      expect(String(lookup(messages.ar, k)).trim(), `ar ${k}`).not.toBe("");
      expect(String(lookup(messages.en, k)).trim(), `en ${k}`).not.toBe("");
    }
  });

  it("should address nobody in the masculine in Arabic: no imperative or second-person verb that has a feminine form", () => {
    // Interface strings use nouns (إنشاء حساب، بدء التقييم) and impersonal forms (يُرجى، يلزم) instead.
    const gendered = new Set(["ابدأ", "أنشئ", "احفظ", "اقرأ", "تابع", "اختر", "اكتب", "رتّب", "صِل", "سجّل", "أدخل", "انتقل", "افتح", "اعرض", "انسخ", "انسخه", "شارك", "حاول", "أعد", "جرّب", "تحقّق", "انضمّ", "صدّر", "صحّح", "صحّحها", "مرّر", "استعمل", "أخفِ", "راجع", "عُد", "اذهب", "تدرّب", "أنهِ", "انقل", "أخرِجه", "عدتَ", "تريد", "تستطيع", "تملك", "تبحث", "ستتعلّمه"]);
    const found = keys(messages.ar).flatMap((k) => {
      const words = String(lookup(messages.ar, k)).split(/[\s،.؟:؛«»()—,]+/);
      return words.filter((w) => gendered.has(w)).map((w) => `${k}: ${w}`);
    });
    expect(found).toEqual([]);
  });

  it("should use the imported I18nT component, never the global <i18n-t> (the build sets __VUE_I18N_FULL_INSTALL__ false, so <i18n-t> renders empty)", () => {
    const dir = path.resolve(import.meta.dirname, "../../client/src");
    const vue = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".vue"));
    expect(vue.length).toBeGreaterThan(20);
    expect(vue.filter((f) => /<i18n-t[\s>]/.test(readFileSync(path.join(dir, f), "utf8")))).toEqual([]);
  });

  it("should mirror the server's error codes, each with a message in both languages", () => {
    expect([...ERROR_CODES].sort()).toEqual([...SERVER_CODES].sort());
    for (const code of ERROR_CODES) {
      const key = `errors.${code.replace("/", "_")}`;
      expect(lookup(messages.ar, key), key).toBeTruthy();
      expect(lookup(messages.en, key), key).toBeTruthy();
    }
  });

  it("should format partial and ranged content dates for the locale", () => {
    expect(formatContentDate("en", "2021")).toBe("2021");
    expect(formatContentDate("en", "2024-08-29")).toBe("29 August 2024");
    // ICU versions differ in the spaces around the dash.
    expect(formatContentDate("en", "2025-02-17/2025-02-19")).toMatch(/^17\s*–\s*19 February 2025$/);
    expect(formatContentDate("ar", "2025-02-19")).toBe("19 فبراير 2025");
  });
});
