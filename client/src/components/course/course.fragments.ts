/** Fragments of the course components: each component declares the fields it renders. */
import { graphql } from "../../gql/index.js";

export const CourseLessonFields = graphql(`
  fragment CourseLessonFields on Lesson {
    slug
    order
    title
    summary
    estimatedMinutes
    quiz {
      id
    }
  }
`);

export const LessonProgressFields = graphql(`
  fragment LessonProgressFields on LessonProgress {
    lessonSlug
    status
    bestScore
    grade
    lastParagraphId
    paragraphsSeen
    paragraphsTotal
    timeSpentSeconds
    assessmentAttemptsUsed
    assessmentAttemptsAllowed
  }
`);

export const SourceFields = graphql(`
  fragment SourceFields on Source {
    id
    n
    title
    publisher
    date
    url
  }
`);
