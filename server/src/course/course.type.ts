import { Field, ID, ObjectType } from "type-graphql";
import { Lesson } from "../lessons/lesson.type.js";
import { Source } from "../lessons/source.type.js";
import { Quiz } from "../quizzes/quiz.type.js";

@ObjectType({ description: "The analysis article the course is built from." })
export class Article {
  @Field(() => String)
  title: string;

  @Field(() => String, { description: "The article's language (ISO 639-1)." })
  language: string;
}

@ObjectType()
export class Course {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;

  @Field(() => String)
  audience: string;

  @Field(() => Article)
  article: Article;

  @Field(() => [Source])
  sources: Source[];

  @Field(() => [Lesson], { description: "Lessons in teaching order." })
  lessons: Lesson[];

  @Field(() => [Lesson], { description: "Lessons a restructure retired: for history (progress, attempts, notes) only, never offered." })
  retiredLessons: Lesson[];

  @Field(() => Quiz, { nullable: true, description: "The diagnostic pre-test, taken before lesson 1 (role DIAGNOSTIC); null when the course has none." })
  diagnostic: Quiz | null;

  @Field(() => Quiz, { nullable: true, description: "The final assessment, taken after the lessons (role FINAL); null when the course has none." })
  final: Quiz | null;
}
