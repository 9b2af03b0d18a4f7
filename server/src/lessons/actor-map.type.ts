/** GraphQL types of the actor-relations map (content/actors.yaml): actors, typed relations, their evidence. */
import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "The source of a fact beyond the article (the context sheet names it beside the fact)." })
export class ContextSourceRef {
  @Field(() => String)
  publisher: string;

  @Field(() => String, { description: "ISO date, possibly partial." })
  date: string;

  @Field(() => String)
  url: string;
}

@ObjectType()
export class Actor {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => [String], { description: "Other names of the actor in this locale (AES, Polisario…), as the article or the lessons write them." })
  aliases: string[];

  @Field(() => String)
  role: string;

  @Field(() => String, { description: "article: named by the article; context: named only by facts beyond the article (see source)." })
  kind: "article" | "context";

  @Field(() => ContextSourceRef, { nullable: true })
  source: ContextSourceRef | null;
}

@ObjectType({ description: "A lesson paragraph that states a relation." })
export class EvidenceRef {
  @Field(() => ID)
  paragraphId: string;

  @Field(() => String)
  lessonSlug: string;

  @Field(() => String, { description: "The lesson's title in the requested locale." })
  lessonTitle: string;
}

@ObjectType()
export class ActorRelation {
  @Field(() => ID, { description: "from>to>type: unique in the map." })
  id: string;

  @Field(() => ID)
  from: string;

  @Field(() => ID)
  to: string;

  @Field(() => String, { description: "cooperation, rivalry, accusation, mediation or withdrawal." })
  type: string;

  @Field(() => String)
  label: string;

  @Field(() => [EvidenceRef])
  evidence: EvidenceRef[];

  @Field(() => ContextSourceRef, { nullable: true, description: "Set for a relation known only from beyond the article." })
  source: ContextSourceRef | null;
}

@ObjectType()
export class ActorMap {
  @Field(() => [Actor])
  actors: Actor[];

  @Field(() => [ActorRelation])
  relations: ActorRelation[];
}
