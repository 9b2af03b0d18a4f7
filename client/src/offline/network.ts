/**
 * Whether the server can be reached, for the offline indicator (components/layout/OfflineStatus.vue). The
 * browser's navigator.onLine says only whether there is a network interface (and Chromium's emulation does not
 * always set it), so the GraphQL client's fetch reports here too: a request that failed for want of a network
 * marks the server unreachable until a request gets through again. While it is marked, /health is asked every
 * few seconds (and at once when the browser says it is back online), so the indicator goes by itself.
 */
import { ref } from "vue";

export const PROBE_MS = 4_000;

/** True after a request failed for want of a network, until one gets through again. */
export const networkDown = ref(false);
let probe: ReturnType<typeof setInterval> | undefined;

const check = () =>
  fetch("/health", { cache: "no-store" }).then(
    () => reportNetwork(true),
    () => undefined,
  );

export function reportNetwork(reached: boolean): void {
  networkDown.value = !reached;
  if (!reached && probe === undefined) {
    probe = setInterval(check, PROBE_MS);
    window.addEventListener("online", check);
  } else if (reached && probe !== undefined) {
    clearInterval(probe);
    probe = undefined;
    window.removeEventListener("online", check);
  }
}

/** A fetch failure that means "no network" (not a request the client itself cancelled). */
export const isNetworkFailure = (e: unknown) => !(e instanceof DOMException && e.name === "AbortError");
