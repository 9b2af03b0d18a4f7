/**
 * A one-time message carried across a redirect ("only instructors can open that page"): set before the
 * navigation, shown by App.vue on the page it lands on, and gone after the next navigation.
 */
import { shallowRef } from "vue";

export interface Notice {
  /** i18n key of the message. */
  key: string;
  tone: "info" | "error";
}

const notice = shallowRef<Notice | null>(null);
let shownAt: string | null = null;

export function useNotice() {
  return {
    notice,
    /** Shows a message on the page the app is about to open. */
    flash(key: string, tone: Notice["tone"] = "info") {
      notice.value = { key, tone };
      shownAt = null;
    },
    /** Called after each navigation: a notice survives the navigation it was made for, and no other. */
    navigated(path: string) {
      if (!notice.value) return;
      if (shownAt === null) shownAt = path;
      else if (shownAt !== path) notice.value = null;
    },
    dismiss() {
      notice.value = null;
    },
  };
}
