/**
 * The committed contract, server/schema.graphql: it must be what the code builds (drift), and it must keep
 * every name the client and outside tests rely on (docs/architecture.md, "The GraphQL contract"). The name
 * list is the one the founding design's contract checker carried (shared/tools/contract-check.mjs), brought
 * into the repository so that the project checks its own contract.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DocumentNode, GraphQLNamedType, GraphQLSchema } from "graphql";
import { buildASTSchema, getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, parse, visit } from "graphql";
import { describe, expect, it } from "vitest";
import { buildAppSchema, printAppSchema } from "../../server/src/schema.js";
import { PROJECT_ROOT } from "../helpers/test-server.js";

const SCHEMA_FILE = path.join(PROJECT_ROOT, "server/schema.graphql");

/** area → [ "Type.field(arg,arg)" | "Type.field" | "Enum:VALUE" ]: the whole list, unchanged. */
const CONTRACT: Record<string, string[]> = {
  foundation: [
    "Query.course(locale)", "Query.lesson(slug,locale)", "Query.quiz(id,locale)",
    "Course.title", "Course.lessons",
    "Lesson.slug", "Lesson.title", "Lesson.summary", "Lesson.estimatedMinutes", "Lesson.objectives", "Lesson.sections",
    "Lesson.keyTerms", "Lesson.timeline", "Lesson.sources", "Lesson.quiz",
    "Quiz.id", "Quiz.title", "Quiz.items",
    "QuizItem.id", "QuizItem.type", "QuizItem.prompt", "QuizItem.points", "QuizItem.objectiveIds", "QuizItem.choices", "QuizItem.targets",
    "ItemType:SINGLE_CHOICE", "ItemType:MULTIPLE_CHOICE", "ItemType:TRUE_FALSE", "ItemType:MATCHING", "ItemType:ORDERING",
    "ItemType:SHORT_ANSWER", "ItemType:ESSAY", "Locale:AR", "Locale:EN",
  ],
  learners: [
    "Query.me", "Query.attempt(id)", "Query.myProgress", "Query.reviewQueue(limit)",
    "Mutation.signUp(input)", "Mutation.signIn(input)", "Mutation.signOut", "Mutation.recordLessonProgress(input)",
    "Mutation.startAttempt(quizId,mode)", "Mutation.submitAnswer(input)", "Mutation.finishAttempt(attemptId)",
    "Mutation.submitReview(input)",
    "AuthPayload.token", "AuthPayload.user", "User.id", "User.displayName", "User.role",
    "Attempt.id", "Attempt.quizId", "Attempt.mode", "Attempt.state", "Attempt.score", "Attempt.maxScore", "Attempt.items", "Attempt.responses",
    "ItemResponse.itemId", "ItemResponse.score", "ItemResponse.maxScore", "ItemResponse.correct", "ItemResponse.feedback",
    "MyProgress.lessons", "MyProgress.objectives", "MyProgress.reviewsDue",
    "AttemptMode:PRACTICE", "AttemptMode:ASSESSMENT", "AttemptState:IN_PROGRESS", "AttemptState:FINISHED", "AttemptState:ABANDONED",
    "Role:LEARNER", "Role:INSTRUCTOR", "Role:ADMIN",
  ],
  instructors: [
    "Query.myClassrooms", "Query.classroom(id)", "Mutation.createClassroom(name)", "Mutation.joinClassroom(code)",
    "Classroom.id", "Classroom.name", "Classroom.joinCode", "Classroom.learners", "Classroom.itemStats(quizId)",
    "Subscription.classroomActivity(classroomId)",
  ],
};

/** Object types the contract names but the schema may call otherwise: found through the root field returning them. */
const REACHED_VIA: Record<string, string> = {
  Course: "Query.course", Lesson: "Query.lesson", Quiz: "Query.quiz", MyProgress: "Query.myProgress",
  Attempt: "Query.attempt", AuthPayload: "Mutation.signUp", ItemResponse: "Mutation.submitAnswer",
  Classroom: "Query.classroom", QuizItem: "Quiz.items", User: "Query.me",
};

function fieldsOf(type: GraphQLNamedType | undefined) {
  return type && (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) ? type.getFields() : undefined;
}

function typeFor(schema: GraphQLSchema, name: string): GraphQLNamedType | undefined {
  const direct = schema.getType(name);
  if (direct) return direct;
  const via = REACHED_VIA[name];
  if (!via) return undefined;
  const [parentName, fieldName] = via.split(".");
  const field = fieldsOf(typeFor(schema, parentName))?.[fieldName];
  return field ? getNamedType(field.type) : undefined;
}

/** The contract's names that `sdl` lacks ("Type.field(arg)" for a missing argument), in list order. */
function missingContractNames(sdl: DocumentNode): string[] {
  const schema = buildASTSchema(sdl);
  const gaps: string[] = [];
  for (const entry of Object.values(CONTRACT).flat()) {
    if (entry.includes(":")) {
      const [enumName, value] = entry.split(":");
      const type = schema.getType(enumName);
      if (!(type && isEnumType(type) && type.getValue(value))) gaps.push(entry);
      continue;
    }
    const match = /^(\w+)\.(\w+)(?:\(([\w,]*)\))?$/.exec(entry);
    if (!match) throw new Error(`contract entry not understood: ${entry}`);
    const [, typeName, fieldName, args] = match;
    const field = fieldsOf(typeFor(schema, typeName))?.[fieldName];
    if (!field) {
      gaps.push(entry);
      continue;
    }
    for (const arg of (args ?? "").split(",").filter(Boolean)) {
      if (!("args" in field) || !field.args.some((a) => a.name === arg)) gaps.push(`${typeName}.${fieldName}(${arg})`);
    }
  }
  return gaps;
}

/** The SDL without one field (or one argument of it, or one enum value): what a careless rename would leave. */
function without(sdl: DocumentNode, typeName: string, member: string, argument?: string): DocumentNode {
  let removed = false;
  const result = visit(sdl, {
    ObjectTypeDefinition: {
      enter(node) {
        if (node.name.value !== typeName) return false;
        return undefined;
      },
    },
    EnumTypeDefinition: {
      enter(node) {
        if (node.name.value !== typeName) return false;
        return undefined;
      },
    },
    FieldDefinition(node) {
      if (node.name.value !== member) return undefined;
      removed = true;
      if (argument === undefined) return null;
      return { ...node, arguments: node.arguments?.filter((a) => a.name.value !== argument) };
    },
    EnumValueDefinition(node) {
      if (node.name.value !== member) return undefined;
      removed = true;
      return null;
    },
  });
  if (!removed) throw new Error(`${typeName}.${member} is not in the schema: the control removes nothing`);
  return result;
}

const committedSdl = () => readFile(SCHEMA_FILE, "utf8");

describe("server/schema.graphql", () => {
  it("should match the schema the code builds (run `npm run schema:emit` after changing types)", async () => {
    expect(printAppSchema(await buildAppSchema())).toBe(await committedSdl());
  });

  it("should contain the read-side names of the contract", async () => {
    const sdl = await committedSdl();
    for (const name of ["enum Locale", "enum ItemType", "course(locale: Locale! = AR): Course!", "lesson(locale: Locale! = AR, slug: String!): Lesson", "quiz(id: ID!, locale: Locale! = AR): Quiz"]) {
      expect(sdl).toContain(name);
    }
  });

  it("should keep every name of the GraphQL contract (foundation, learners, instructors)", async () => {
    const entries = Object.values(CONTRACT).flat();
    expect(entries).toHaveLength(85);
    expect(missingContractNames(parse(await committedSdl()))).toEqual([]);
  });

  it("should report a contract name that disappears: a field, an argument, an enum value, a type reached through a root field", async () => {
    const sdl = parse(await committedSdl());
    expect(missingContractNames(without(sdl, "Query", "myClassrooms"))).toEqual(["Query.myClassrooms"]);
    expect(missingContractNames(without(sdl, "Query", "reviewQueue", "limit"))).toEqual(["Query.reviewQueue(limit)"]);
    expect(missingContractNames(without(sdl, "ItemType", "ESSAY"))).toEqual(["ItemType:ESSAY"]);
    expect(missingContractNames(without(sdl, "Subscription", "classroomActivity"))).toEqual(["Subscription.classroomActivity(classroomId)"]);
    // Classroom.itemStats lives on the type Query.classroom returns; dropping it there must be seen.
    const classroomType = (typeFor(buildASTSchema(sdl), "Classroom") as GraphQLNamedType).name;
    expect(missingContractNames(without(sdl, classroomType, "itemStats"))).toEqual(["Classroom.itemStats(quizId)"]);
  });
});
