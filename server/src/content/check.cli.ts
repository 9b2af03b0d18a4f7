/** `npm run content:check`: validates content/ and prints a summary, or every problem and exits 1. */
import path from "node:path";
import { loadContent } from "./content.loader.js";
import { ContentValidationError } from "./content.model.js";

const dir = process.argv[2] ?? path.resolve(process.cwd(), "content");
try {
  const content = await loadContent(dir);
  // The counts are of what learners are offered; retired lessons and quizzes are kept as history (named apart).
  const items = content.quizzes.filter((q) => !q.retired).flatMap((q) => q.items);
  const retired = content.lessons.filter((l) => l.retired).map((l) => l.slug);
  const byType = new Map<string, number>();
  for (const i of items) byType.set(i.type, (byType.get(i.type) ?? 0) + 1);
  console.log(
    `Content OK (${content.hash.slice(0, 12)}): ${content.lessons.length - retired.length} lessons, ${content.quizzes.length - retired.length} quizzes, ${items.length} items` +
      (retired.length ? `; retired (kept for history): ${retired.join(", ")}` : ""),
  );
  console.log("  " + [...byType].map(([t, n]) => `${t} ${n}`).join(", "));
  const count = (key: (i: (typeof items)[number]) => string) => {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return [...m].map(([k, n]) => `${k} ${n}`).join(", ");
  };
  console.log(`  levels: ${count((i) => i.level)}; pools: ${count((i) => i.pool ?? "both")}; context facts: ${content.context.facts.length}`);
} catch (e) {
  if (e instanceof ContentValidationError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
