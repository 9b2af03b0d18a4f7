/** Fragments of the lesson reader's components. */
import { graphql } from "../../gql/index.js";

export const LessonSectionFields = graphql(`
  fragment LessonSectionFields on LessonSection {
    id
    heading
    paragraphs {
      id
      text
      sourceParagraphs
      terms {
        termId
        start
        end
      }
    }
  }
`);

export const KeyTermFields = graphql(`
  fragment KeyTermFields on KeyTerm {
    id
    term
    definition
  }
`);

export const TimelineEntryFields = graphql(`
  fragment TimelineEntryFields on TimelineEntry {
    date
    event
    sourceParagraphs
  }
`);

export const ContextFactFields = graphql(`
  fragment ContextFactFields on ContextFact {
    id
    date
    text
    sources {
      title
      publisher
      date
      url
    }
  }
`);
