/** Before the e2e tests: Chromium present (installed if possible) and client/dist built if stale. */
import type { TestProject } from "vitest/node";
import { ensureClient } from "../../scripts/ensure-client.mjs";
import { ensureChromium } from "./chromium.js";

declare module "vitest" {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

export default function setup(project: TestProject): void {
  const chromiumPath = ensureChromium();
  ensureClient({ quiet: true });
  project.provide("chromiumPath", chromiumPath);
}
