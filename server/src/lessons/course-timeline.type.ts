/** GraphQL types of the course timeline: every lesson's dated events (and, later, context facts) on one axis. */
import { Field, ID, Int, ObjectType } from "type-graphql";
import { ContextSourceRef } from "./actor-map.type.js";

@ObjectType()
export class ActorRef {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@ObjectType()
export class CourseTimelineEvent {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "ISO date, possibly partial (2021, 2024-01) or a range (2025-02-17/2025-02-19)." })
  date: string;

  @Field(() => String)
  event: string;

  @Field(() => String, { description: "article: an event of the lessons (the article's own); context: a fact beyond the article, with its source." })
  kind: "article" | "context";

  @Field(() => String, { nullable: true })
  lessonSlug: string | null;

  @Field(() => String, { nullable: true })
  lessonTitle: string | null;

  @Field(() => ID, { nullable: true, description: "The lesson paragraph to open: the first of the lesson that draws on the event's article paragraphs." })
  paragraphId: string | null;

  @Field(() => [Int])
  articleParagraphs: number[];

  @Field(() => [ID], { description: "The map's actors the event names (content/actors.yaml), for filtering." })
  actorIds: string[];

  @Field(() => ContextSourceRef, { nullable: true })
  source: ContextSourceRef | null;
}

@ObjectType()
export class CourseTimeline {
  @Field(() => [CourseTimelineEvent], { description: "In date order (the start of a range), then lesson order." })
  events: CourseTimelineEvent[];

  @Field(() => [ActorRef], { description: "The actors some event names: the filter's choices." })
  actors: ActorRef[];
}
