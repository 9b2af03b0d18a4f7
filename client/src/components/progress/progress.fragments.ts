import { graphql } from "../../gql/index.js";

export const ObjectiveMasteryFields = graphql(`
  fragment ObjectiveMasteryFields on ObjectiveMastery {
    objectiveId
    lessonSlug
    level
    fraction
  }
`);
