/** Fragments of the quiz components: an item as a learner sees it, a response, a whole attempt. */
import { graphql } from "../../gql/index.js";

export const QuizItemFields = graphql(`
  fragment QuizItemFields on QuizItem {
    id
    type
    prompt
    points
    objectiveIds
    choices {
      id
      text
    }
    targets {
      id
      text
    }
    rubric {
      id
      criterion
      points
    }
  }
`);

export const AnswerFields = graphql(`
  fragment AnswerFields on Answer {
    choiceIds
    text
    sequence
    pairs {
      leftId
      rightId
    }
  }
`);

export const ItemResponseFields = graphql(`
  fragment ItemResponseFields on ItemResponse {
    id
    itemId
    status
    score
    maxScore
    correct
    spellingNote
    answeredAt
    answer {
      ...AnswerFields
    }
    rightAnswer {
      ...AnswerFields
    }
    rubricMarks {
      criterionId
      criterion
      points
      score
      comment
    }
    feedback {
      explanation
      comment
      evidence {
        lessonSlug
        paragraphId
        text
      }
    }
  }
`);

export const QuizSettingsFields = graphql(`
  fragment QuizSettingsFields on QuizSettings {
    maxAttempts
    timeLimitMinutes
    gradingMethod
    reviewPolicy
    closesAt
  }
`);

export const AttemptFields = graphql(`
  fragment AttemptFields on Attempt {
    id
    quizId
    mode
    state
    locale
    startedAt
    finishedAt
    deadline
    score
    maxScore
    feedbackAvailable
    items {
      ...QuizItemFields
    }
    responses {
      ...ItemResponseFields
    }
    skipped {
      itemId
      rightAnswer {
        ...AnswerFields
      }
      feedback {
        explanation
        evidence {
          lessonSlug
          paragraphId
          text
        }
      }
    }
  }
`);
