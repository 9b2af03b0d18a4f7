/**
 * Reports how far the learner has read. A paragraph counts as reached once its top enters the upper part
 * of the viewport; reached paragraphs are sent at most once per interval, in reading order and one request
 * after another (the server counts each paragraph it is told about, and keeps the last as the resume
 * point), and at once when the page is hidden or left.
 */
import { onBeforeUnmount } from "vue";

export interface ReadingProgressOptions {
  /** Paragraph ids in reading order. */
  order: () => string[];
  report: (paragraphId: string) => Promise<unknown> | void;
  intervalMs?: number;
}

export function useReadingProgress(opts: ReadingProgressOptions) {
  const interval = opts.intervalMs ?? 3000;
  let furthest = -1;
  let queue: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observer: IntersectionObserver | undefined;
  let sending: Promise<unknown> = Promise.resolve();

  function flush() {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const order = opts.order();
    const ids = queue.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    queue = [];
    for (const id of ids) sending = sending.then(() => opts.report(id)).catch(() => undefined);
  }

  function reached(id: string) {
    const index = opts.order().indexOf(id);
    if (index <= furthest || queue.includes(id)) return;
    // Scrolling back up never moves the resume point backwards; only new ground is reported.
    if (index > furthest) furthest = index;
    queue.push(id);
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
        const seen = entries.filter((e) => e.isIntersecting).map((e) => e.target.id);
        const order = opts.order();
        for (const id of seen.sort((a, b) => order.indexOf(a) - order.indexOf(b))) reached(id);
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
