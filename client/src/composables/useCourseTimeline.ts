/** The course timeline in the current language, and the actor filter over it. */
import { computed, ref } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { gqlLocale } from "../locale.js";

const CourseTimelineQuery = graphql(`
  query CourseTimeline($locale: Locale!) {
    courseTimeline(locale: $locale) {
      events {
        id
        date
        event
        kind
        lessonSlug
        lessonTitle
        paragraphId
        actorIds
        source {
          publisher
          date
          url
        }
      }
      actors {
        id
        name
      }
    }
  }
`);

/** Where a (possibly partial or ranged) ISO date falls, in days since 1970: its start. */
export function dayOf(date: string): number {
  const [y, m, d] = date.split("/")[0].split("-").map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1) / 86_400_000;
}

/** Position along the axis, 0–100, of each event's start. */
export function axisPositions(dates: readonly string[]): number[] {
  const days = dates.map(dayOf);
  const min = Math.min(...days);
  const span = Math.max(...days) - min;
  return days.map((d) => (span === 0 ? 50 : Math.round(((d - min) / span) * 1000) / 10));
}

export function useCourseTimeline() {
  const result = useQuery({ query: CourseTimelineQuery, variables: computed(() => ({ locale: gqlLocale.value })) });
  const actor = ref("");
  const all = computed(() => result.data.value?.courseTimeline.events ?? []);
  return {
    actor,
    actors: computed(() => result.data.value?.courseTimeline.actors ?? []),
    events: computed(() => (actor.value ? all.value.filter((e) => e.actorIds.includes(actor.value)) : all.value)),
    all,
    fetching: result.fetching,
    error: result.error,
  };
}
