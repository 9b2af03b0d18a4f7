/**
 * A part of a page whose code loads after the page (issue 12: a route's chunk stays small): the dashboard's
 * seldom used cards. Vue's defineAsyncComponent with the pages' loading and error states (LazyStatus.vue): the
 * spinner shows only if loading takes longer than 200 ms, so a fast load shows nothing in between.
 */
import { defineAsyncComponent } from "vue";
import type { Component } from "vue";
import LazyStatus from "./LazyStatus.vue";

export function lazyComponent<T extends Component>(loader: () => Promise<{ default: T }>): T {
  return defineAsyncComponent({ loader, loadingComponent: LazyStatus, errorComponent: LazyStatus, delay: 200 }) as T;
}
