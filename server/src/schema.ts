/** Builds the GraphQL schema from the type-graphql resolvers. The one list of resolvers lives here. */
import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { CourseResolver } from "./course/course.resolver.js";
import { LessonResolver } from "./lessons/lesson.resolver.js";
import { QuizResolver } from "./quizzes/quiz.resolver.js";

export const RESOLVERS = [CourseResolver, LessonResolver, QuizResolver] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The schema; built once per process (type-graphql's metadata is global and immutable after start). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({ resolvers: [...RESOLVERS], validate: false });
  return cached;
}

/** The SDL committed as server/schema.graphql: sorted, so that it diffs cleanly. */
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
