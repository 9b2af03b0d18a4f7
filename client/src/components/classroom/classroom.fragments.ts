/** Fragments of the instructor's components: each component declares the fields it renders. */
import { graphql } from "../../gql/index.js";

export const ClassroomCardFields = graphql(`
  fragment ClassroomCardFields on Classroom {
    id
    name
    joinCode
    createdAt
    archivedAt
    myRole
    learnerCount
  }
`);

export const ClassroomProgressRowFields = graphql(`
  fragment ClassroomProgressRowFields on LearnerProgressRow {
    learner {
      id
      displayName
      disambiguator
    }
    lessons {
      lessonSlug
      status
      bestScore
    }
  }
`);

export const LessonAverageFields = graphql(`
  fragment LessonAverageFields on LessonAverage {
    lessonSlug
    completed
    completionRate
    averageBestScore
    assessed
  }
`);

export const ObjectiveSummaryFields = graphql(`
  fragment ObjectiveSummaryFields on ObjectiveSummary {
    objectiveId
    lessonSlug
    notStarted
    attempted
    familiar
    proficient
    mastered
    averageFraction
  }
`);

export const NeedsHelpFields = graphql(`
  fragment NeedsHelpFields on NeedsHelp {
    learner {
      id
      displayName
      disambiguator
    }
    reasons
    averageBestScore
    weakObjectives
    lessonsCompleted
  }
`);

export const ClassroomActivityFields = graphql(`
  fragment ClassroomActivityFields on ClassroomActivity {
    type
    learnerId
    learnerName
    learnerDisambiguator
    quizId
    itemId
    attemptId
    at
  }
`);

export const ItemStatFields = graphql(`
  fragment ItemStatFields on ItemStat {
    itemId
    type
    prompt
    points
    attempts
    responses
    facilityIndex
    discriminationIndex
    needsCheck
    checkReasons
    distribution {
      key
      label
      correct
      count
    }
    statements {
      id
      label
      responses
      correct
      categories {
        key
        label
        correct
        count
      }
    }
  }
`);

export const PendingEssayFields = graphql(`
  fragment PendingEssayFields on PendingEssay {
    responseId
    learner {
      id
      displayName
      disambiguator
    }
    quizId
    itemId
    prompt
    text
    wordCount
    expectedWords {
      min
      max
    }
    maxScore
    rubric {
      id
      criterion
      points
    }
    answeredAt
  }
`);

export const LearnerAttemptFields = graphql(`
  fragment LearnerAttemptFields on LearnerAttempt {
    id
    quizId
    mode
    state
    attemptNumber
    startedAt
    finishedAt
    score
    maxScore
    late
    responses {
      id
      itemId
      itemVersion
      itemType
      prompt
      answer {
        ...AnswerFields
      }
      status
      score
      maxScore
      correct
      answeredAt
      graderComment
    }
  }
`);

/** The course as an instructor's pages name it: lessons in order, their objectives and quiz. */
export const CourseOutlineFields = graphql(`
  fragment CourseOutlineFields on Lesson {
    slug
    order
    title
    objectives {
      id
      text
    }
    quiz {
      id
      title
    }
  }
`);
