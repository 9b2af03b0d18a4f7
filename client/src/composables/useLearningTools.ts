/**
 * The learning tools of an attempt (issue 15): the certainty a learner gives with each answer (certainty-based
 * marking) and hints from the evidence (practice). Read with a query of their own (the attempt's certainty
 * mode, hints taken, each response's certainty and CBM mark, the calibration), so that a reload keeps them and
 * the attempt's own fragments stay as they are. Taking a hint is a server call: the count is recorded there.
 */
import { computed, reactive, ref } from "vue";
import type { Ref } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import type { ItemHintFieldsFragment } from "../gql/graphql.js";
import { errorInfo } from "../errors.js";

export const ItemHintFields = graphql(`
  fragment ItemHintFields on ItemHint {
    itemId
    used
    max
    lessonSlug
    lessonTitle
    sectionId
    sectionHeading
    paragraphs {
      paragraphId
      text
    }
  }
`);

export const CalibrationFields = graphql(`
  fragment CalibrationFields on Calibration {
    answers
    averageMark
    levels {
      certainty
      answers
      accuracy
      verdict
    }
  }
`);

const AttemptToolsQuery = graphql(`
  query AttemptTools($id: ID!) {
    attempt(id: $id) {
      id
      certaintyMode
      hintsAvailable
      hints {
        ...ItemHintFields
      }
      responses {
        id
        itemId
        certainty
        hintsUsed
        cbmMark
      }
      calibration {
        ...CalibrationFields
      }
    }
  }
`);

const TakeHintMutation = graphql(`
  mutation TakeHint($attemptId: ID!, $itemId: ID!) {
    takeHint(attemptId: $attemptId, itemId: $itemId) {
      ...ItemHintFields
    }
  }
`);

export type CertaintyValue = 1 | 2 | 3;

export function useLearningTools(attemptId: Ref<string>) {
  const query = useQuery({ query: AttemptToolsQuery, variables: computed(() => ({ id: attemptId.value })), requestPolicy: "network-only" });
  const tools = computed(() => query.data.value?.attempt ?? null);
  const chosen = reactive(new Map<string, CertaintyValue>());
  const taken = reactive(new Map<string, ItemHintFieldsFragment>());
  const hintError = ref<string | null>(null);
  const hintM = useMutation(TakeHintMutation);

  const mode = computed(() => tools.value?.certaintyMode ?? "OFF");
  const responseOf = (itemId: string) => tools.value?.responses.find((r) => r.itemId === itemId) ?? null;

  function certaintyOf(itemId: string): CertaintyValue | null {
    const mine = chosen.get(itemId);
    if (mine) return mine;
    const stored = responseOf(itemId)?.certainty;
    return stored === 1 || stored === 2 || stored === 3 ? stored : null;
  }
  const setCertainty = (itemId: string, value: CertaintyValue) => chosen.set(itemId, value);
  /** Whether an answer to this item may be sent now: a REQUIRED certainty must be chosen first. */
  const ready = (itemId: string) => mode.value !== "REQUIRED" || certaintyOf(itemId) !== null;

  function hintOf(itemId: string): ItemHintFieldsFragment | null {
    return taken.get(itemId) ?? tools.value?.hints.find((h) => h.itemId === itemId) ?? null;
  }
  async function takeHint(itemId: string) {
    hintError.value = null;
    const r = await hintM.executeMutation({ attemptId: attemptId.value, itemId });
    if (r.data) taken.set(itemId, r.data.takeHint);
    else hintError.value = errorInfo(r.error)?.key ?? "errors.unknown";
  }

  return {
    asksCertainty: computed(() => mode.value !== "OFF"),
    needsCertainty: computed(() => mode.value === "REQUIRED"),
    certaintyOf,
    setCertainty,
    ready,
    cbmMarkOf: (itemId: string) => responseOf(itemId)?.cbmMark ?? null,
    calibration: computed(() => tools.value?.calibration ?? null),
    hintsAvailable: computed(() => tools.value?.hintsAvailable ?? false),
    hintOf,
    takeHint,
    hinting: hintM.fetching,
    hintError,
    refreshTools: () => query.executeQuery({ requestPolicy: "network-only" }),
  };
}
