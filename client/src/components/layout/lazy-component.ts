/**
 * A part of a page whose code loads after the page (issue 12: a route's chunk stays small): the dashboard's
 * seldom used cards, a signed-in reader's note controls. Vue's defineAsyncComponent with the pages' loading
 * and error states (LazyStatus.vue): the spinner shows only if loading takes longer than 200 ms, so a fast
 * load shows nothing in between. `quiet` is for a part repeated many times on a page (under every
 * paragraph): nothing shows until it has loaded, rather than a spinner or an alert each time. A quiet part
 * still has an error component (one that renders nothing): without one, Vue rethrows the loader's failure as
 * an unhandled rejection in development builds and tests.
 */
import { defineAsyncComponent, defineComponent } from "vue";
import type { Component } from "vue";
import LazyStatus from "./LazyStatus.vue";

/** What a quiet part shows when its code cannot be loaded: nothing. */
const Nothing = defineComponent({ name: "LazyNothing", inheritAttrs: false, render: () => null });

export function lazyComponent<T extends Component>(loader: () => Promise<{ default: T }>, options: { quiet?: boolean } = {}): T {
  if (options.quiet) return defineAsyncComponent({ loader, errorComponent: Nothing }) as T;
  return defineAsyncComponent({ loader, loadingComponent: LazyStatus, errorComponent: LazyStatus, delay: 200 }) as T;
}
