import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType()
export class Source {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: "The footnote number in the article." })
  n: number;

  @Field(() => String)
  title: string;

  @Field(() => String)
  publisher: string;

  @Field(() => String, { description: "ISO date, possibly partial." })
  date: string;

  @Field(() => String)
  url: string;
}
