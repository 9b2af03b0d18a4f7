/// <reference lib="webworker" />
/**
 * The service worker (issue 14, point 4), built by vite-plugin-pwa's injectManifest strategy with Workbox's
 * modules. What works offline:
 * - the app shell: index.html, every JS and CSS file and the font subsets are precached at install (the list
 *   is the build's, with content hashes, so a new deployment replaces them and removes the old ones); every
 *   client route navigates to the precached index.html;
 * - fonts: the whole faces behind the subsets (for learner-typed characters) are cached on first use;
 * - lessons the learner has opened: their GraphQL answers (POSTs) are kept by the page itself in Cache
 *   Storage (offline/public-reads.ts), so they are there even when the worker had not yet installed.
 * /graphql is not the worker's (the learner's own reads, mutations, subscriptions go to the network untouched):
 * an answer made offline is the answer queue's business (useAttempt), not the service worker's.
 *
 * A new version waits until every tab of the old one is closed (no skipWaiting), so an open page never loses
 * the lazily loaded chunks it was built with.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";
import { ExpirationPlugin } from "workbox-expiration";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

const FONTS_CACHE = "fonts-v1";

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Client routes (no file extension) are the app shell; /graphql and /health never are.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/^\/graphql/, /^\/health/, /\.[a-z0-9]+$/i] }));

registerRoute(
  ({ request, url }) => request.destination === "font" && url.origin === self.location.origin,
  new CacheFirst({ cacheName: FONTS_CACHE, plugins: [new ExpirationPlugin({ maxEntries: 40 })] }),
);
