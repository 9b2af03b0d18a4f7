/** GraphQL types of course search: hits as plain text segments (no markup), each with the link target. */
import { Field, Int, ObjectType } from "type-graphql";
import { Locale } from "../shared/locale.js";

@ObjectType({ description: "A piece of a matching passage; `match` pieces are the words the query found." })
export class SearchSegment {
  @Field(() => String)
  text: string;

  @Field(() => Boolean)
  match: boolean;
}

@ObjectType()
export class SearchHit {
  @Field(() => String, { description: "PARAGRAPH, HEADING, SUMMARY, KEY_TERM, ACTOR (an actor of the map, by name and aliases) or NOTE (your own note)." })
  kind: string;

  @Field(() => String)
  lessonSlug: string;

  @Field(() => String, { description: "The lesson's title in the requested locale." })
  lessonTitle: string;

  @Field(() => String, { description: "The element id in the lesson page to open: a paragraph id, a section id, a key term id, lesson-summary, or lesson-actors-h (the lesson's actor map)." })
  anchor: string;

  @Field(() => Locale, { description: "The language of the matching text (a query can find text of either language)." })
  language: Locale;

  @Field(() => [SearchSegment])
  segments: SearchSegment[];

  @Field(() => Boolean, { description: "The passage begins after the start of the text." })
  truncatedStart: boolean;

  @Field(() => Boolean, { description: "The passage ends before the end of the text." })
  truncatedEnd: boolean;
}

@ObjectType()
export class SearchResults {
  @Field(() => Int, { description: "How many documents matched (hits holds at most `first`)." })
  total: number;

  @Field(() => [SearchHit])
  hits: SearchHit[];
}
