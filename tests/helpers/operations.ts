/** GraphQL documents the tests send, written once. */
export const START = `mutation($quizId: ID!, $mode: AttemptMode!) { startAttempt(quizId: $quizId, mode: $mode) {
  id quizId mode state locale deadline score maxScore feedbackAvailable
  items { id type choices { id text } targets { id text } }
  responses { itemId status score correct } } }`;

export const SUBMIT = `mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) {
  id itemId itemVersion status score maxScore correct
  answer { choiceIds text sequence pairs { leftId rightId } }
  rightAnswer { choiceIds text sequence pairs { leftId rightId } }
  feedback { explanation comment evidence { lessonSlug paragraphId text } } } }`;

export const FINISH = `mutation($id: ID!) { finishAttempt(attemptId: $id) { id state score maxScore feedbackAvailable finishedAt
  responses { itemId status score correct rightAnswer { choiceIds text sequence } feedback { explanation evidence { paragraphId } } } } }`;

export const ATTEMPT = `query($id: ID!) { attempt(id: $id) { id state score maxScore feedbackAvailable finishedAt deadline secondsLeft
  responses { itemId status score correct rightAnswer { choiceIds text sequence } feedback { explanation } } } }`;

export const MY_PROGRESS = `{ myProgress { reviewsDue
  lessons { lessonSlug status lastParagraphId paragraphsSeen timeSpentSeconds bestScore grade assessmentAttemptsUsed }
  objectives { objectiveId lessonSlug level fraction } } }`;

export const RECORD = `mutation($input: LessonProgressInput!) { recordLessonProgress(input: $input) {
  lessonSlug status lastParagraphId paragraphsSeen timeSpentSeconds completedAt } }`;

export const REVIEW_QUEUE = `query($limit: Int) { reviewQueue(limit: $limit) { id type prompt choices { id text } targets { id text } } }`;

export const SUBMIT_REVIEW = `mutation($input: ReviewAnswerInput!) { submitReview(input: $input) { itemId status score correct feedback { explanation } } }`;
