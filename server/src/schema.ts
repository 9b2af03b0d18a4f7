/** Builds the GraphQL schema from the type-graphql resolvers. The one list of resolvers lives here. */
import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { lexicographicSortSchema, printSchema } from "graphql";
import { createPubSub } from "@graphql-yoga/subscription";
import { buildSchema } from "type-graphql";
import { AccountResolver } from "./accounts/account.resolver.js";
import { AttemptResolver } from "./attempts/attempt.resolver.js";
import { CourseResolver } from "./course/course.resolver.js";
import { LessonResolver } from "./lessons/lesson.resolver.js";
import { ProgressResolver } from "./progress/progress.resolver.js";
import { QuizResolver } from "./quizzes/quiz.resolver.js";
import { ReviewResolver } from "./review/review.resolver.js";
import { ClassroomResolver } from "./classrooms/classroom.resolver.js";
import { AssignmentResolver } from "./classrooms/assignment.resolver.js";
import { PrivacyResolver } from "./privacy/privacy.resolver.js";
import { SearchResolver } from "./search/search.resolver.js";
import { ActorMapResolver } from "./lessons/actor-map.resolver.js";
import { CourseTimelineResolver } from "./lessons/course-timeline.resolver.js";
import { ExportResolver } from "./exports/export.resolver.js";
import { LiveResolver } from "./live/live.resolver.js";
import { NoteResolver } from "./notes/note.resolver.js";
import { LtiResolver } from "./lti/lti.resolver.js";
import { PrePostResolver } from "./classrooms/prepost.resolver.js";
import { authChecker } from "./auth-checker.js";

export const RESOLVERS = [CourseResolver, LessonResolver, QuizResolver, AccountResolver, ProgressResolver, AttemptResolver, ReviewResolver, ClassroomResolver, AssignmentResolver, PrivacyResolver, SearchResolver, ActorMapResolver, CourseTimelineResolver, ExportResolver, LiveResolver, NoteResolver, LtiResolver, PrePostResolver] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The schema; built once per process (type-graphql's metadata is global and immutable after start). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  // The class feed subscribes through its own `subscribe` function (classroom-feed.ts); type-graphql still
  // requires a PubSub for any schema with subscriptions, so it gets graphql-yoga's, as its docs recommend.
  // skipCheck: type-graphql would run a whole introspection query to surface schema errors, a large part of the
  // schema build at start; graphql-js validates the schema anyway (assertValidSchema) before Apollo executes.
  cached ??= buildSchema({ resolvers: [...RESOLVERS], validate: false, skipCheck: true, authChecker, pubSub: createPubSub() });
  return cached;
}

/** The SDL committed as server/schema.graphql: sorted, so that it diffs cleanly. */
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
