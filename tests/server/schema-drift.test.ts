import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildAppSchema, printAppSchema } from "../../server/src/schema.js";
import { PROJECT_ROOT } from "../helpers/test-server.js";

describe("server/schema.graphql", () => {
  it("should match the schema the code builds (run `npm run schema:emit` after changing types)", async () => {
    const committed = await readFile(path.join(PROJECT_ROOT, "server/schema.graphql"), "utf8");
    expect(printAppSchema(await buildAppSchema())).toBe(committed);
  });

  it("should contain the read-side names of the contract", async () => {
    const sdl = await readFile(path.join(PROJECT_ROOT, "server/schema.graphql"), "utf8");
    for (const name of ["enum Locale", "enum ItemType", "course(locale: Locale! = AR): Course!", "lesson(locale: Locale! = AR, slug: String!): Lesson", "quiz(id: ID!, locale: Locale! = AR): Quiz"]) {
      expect(sdl).toContain(name);
    }
  });
});
