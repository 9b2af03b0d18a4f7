/**
 * A part of a page whose code loads after the page (issue 12: a route's chunk stays small): the dashboard's
 * seldom used cards, a signed-in reader's note controls. Vue's defineAsyncComponent with the pages' loading
 * and error states (LazyStatus.vue): the spinner shows only if loading takes longer than 200 ms, so a fast
 * load shows nothing in between. `quiet` is for a part repeated many times on a page (under every
 * paragraph): nothing shows until it has loaded, rather than a spinner or an alert each time.
 */
import { defineAsyncComponent } from "vue";
import type { Component } from "vue";
import LazyStatus from "./LazyStatus.vue";

export function lazyComponent<T extends Component>(loader: () => Promise<{ default: T }>, options: { quiet?: boolean } = {}): T {
  if (options.quiet) return defineAsyncComponent(loader) as T;
  return defineAsyncComponent({ loader, loadingComponent: LazyStatus, errorComponent: LazyStatus, delay: 200 }) as T;
}
