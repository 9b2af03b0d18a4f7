import { ContentRelease } from "../content/content-release.entity.js";
import { QuizItemVersion } from "../quizzes/quiz-item-version.entity.js";

/** Every TypeORM entity, in one list for the data source. */
export const ENTITIES = [ContentRelease, QuizItemVersion];
