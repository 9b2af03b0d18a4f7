/**
 * Reports how far the learner has read: the furthest paragraph whose top has entered the upper part of the
 * viewport, at most once per interval (the last position wins), and at once when the page is hidden or left.
 */
import { onBeforeUnmount } from "vue";

export interface ReadingProgressOptions {
  /** Paragraph ids in reading order. */
  order: () => string[];
  report: (paragraphId: string) => void;
  intervalMs?: number;
}

export function useReadingProgress(opts: ReadingProgressOptions) {
  const interval = opts.intervalMs ?? 3000;
  let furthest = -1;
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observer: IntersectionObserver | undefined;

  function flush() {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending) opts.report(pending);
    pending = null;
  }

  function reached(id: string) {
    const index = opts.order().indexOf(id);
    if (index <= furthest) return;
    furthest = index;
    pending = id;
    timer ??= setTimeout(flush, interval);
  }

  /** Starts watching these paragraph elements; `from` is the resume position, which is not reported again. */
  function observe(elements: Element[], from?: string | null) {
    observer?.disconnect();
    if (from) furthest = Math.max(furthest, opts.order().indexOf(from));
    if (typeof IntersectionObserver === "undefined") return;
    // The bottom 40% of the viewport does not count: a paragraph is reached once its top is in the upper part.
    observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (e.isIntersecting) reached(e.target.id);
      },
      { rootMargin: "0px 0px -40% 0px", threshold: 0 },
    );
    for (const el of elements) observer.observe(el);
  }

  const onHidden = () => {
    if (document.visibilityState === "hidden") flush();
  };
  document.addEventListener("visibilitychange", onHidden);
  onBeforeUnmount(() => {
    document.removeEventListener("visibilitychange", onHidden);
    observer?.disconnect();
    flush();
  });

  return { observe, flush };
}
