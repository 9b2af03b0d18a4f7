/** The lesson reader: the lesson in the current language, its neighbours, the resume point, and recording progress. */
import { computed, ref } from "vue";
import type { Ref } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import type { LessonProgressFieldsFragment } from "../gql/graphql.js";
import { gqlLocale } from "../locale.js";
import { urqlClient } from "../urql.js";
import { useAuth } from "./useAuth.js";
import { MyProgressSummaryQuery } from "./useCourse.js";

const LessonPageQuery = graphql(`
  query LessonPage($slug: String!, $locale: Locale!) {
    lesson(slug: $slug, locale: $locale) {
      slug
      order
      title
      summary
      estimatedMinutes
      objectives {
        id
        text
      }
      sections {
        ...LessonSectionFields
      }
      keyTerms {
        ...KeyTermFields
      }
      timeline {
        ...TimelineEntryFields
      }
      sources {
        ...SourceFields
      }
      contextBefore {
        ...ContextFactFields
      }
      contextAfter {
        ...ContextFactFields
      }
      quiz {
        id
      }
    }
    course(locale: $locale) {
      id
      article {
        title
      }
      lessons {
        slug
        order
        title
      }
    }
  }
`);

const RecordLessonProgressMutation = graphql(`
  mutation RecordLessonProgress($input: LessonProgressInput!) {
    recordLessonProgress(input: $input) {
      ...LessonProgressFields
    }
  }
`);

export function useLesson(slug: Ref<string>) {
  const { viewer } = useAuth();
  const query = useQuery({ query: LessonPageQuery, variables: computed(() => ({ slug: slug.value, locale: gqlLocale.value })) });
  const record = useMutation(RecordLessonProgressMutation);
  const progress = ref<LessonProgressFieldsFragment | null>(null);

  /** The learner's saved position in this lesson, read once when the lesson opens. */
  async function loadProgress(): Promise<LessonProgressFieldsFragment | null> {
    if (!viewer.value) return null;
    const r = await urqlClient.query(MyProgressSummaryQuery, {}, { requestPolicy: "network-only" }).toPromise();
    progress.value = r.data?.myProgress.lessons.find((l) => l.lessonSlug === slug.value) ?? null;
    return progress.value;
  }

  async function reportParagraph(paragraphId: string) {
    if (!viewer.value) return;
    const r = await record.executeMutation({ input: { lessonSlug: slug.value, paragraphId } });
    if (r.data) progress.value = r.data.recordLessonProgress;
  }

  async function markComplete(lastParagraphId?: string) {
    const r = await record.executeMutation({ input: { lessonSlug: slug.value, completed: true, paragraphId: lastParagraphId } });
    if (r.data) progress.value = r.data.recordLessonProgress;
    return r.error ?? null;
  }

  const lesson = computed(() => query.data.value?.lesson ?? null);
  const neighbours = computed(() => {
    const lessons = query.data.value?.course.lessons ?? [];
    const i = lessons.findIndex((l) => l.slug === slug.value);
    return { previous: i > 0 ? lessons[i - 1] : null, next: i >= 0 && i < lessons.length - 1 ? lessons[i + 1] : null };
  });

  return {
    viewer,
    lesson,
    articleTitle: computed(() => query.data.value?.course.article.title ?? ""),
    neighbours,
    fetching: query.fetching,
    error: query.error,
    progress,
    loadProgress,
    reportParagraph,
    markComplete,
    completing: record.fetching,
  };
}
