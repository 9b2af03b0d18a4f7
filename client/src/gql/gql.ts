/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ClassCalibration($id: ID!, $quizId: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      calibration(quizId: $quizId) {\n        ...CalibrationFields\n      }\n      itemStats(quizId: $quizId, locale: $locale) {\n        itemId\n        prompt\n        hintedAnswers\n        hintsUsed\n      }\n    }\n  }\n": typeof types.ClassCalibrationDocument,
    "\n  query LtiClassStatus($id: ID!) {\n    ltiClassStatus(classroomId: $id) {\n      canSyncRoster\n      leftLearnerIds\n      unsentScores { id learnerName quizId state tries nextTryAt lastError }\n    }\n  }\n": typeof types.LtiClassStatusDocument,
    "\n  mutation SyncLtiRoster($id: ID!) {\n    syncLtiRoster(classroomId: $id) { listed added created left active }\n  }\n": typeof types.SyncLtiRosterDocument,
    "\n  fragment ClassroomCardFields on Classroom {\n    id\n    name\n    joinCode\n    createdAt\n    archivedAt\n    myRole\n    learnerCount\n  }\n": typeof types.ClassroomCardFieldsFragmentDoc,
    "\n  fragment ClassroomProgressRowFields on LearnerProgressRow {\n    learner {\n      id\n      displayName\n      disambiguator\n    }\n    lessons {\n      lessonSlug\n      status\n      bestScore\n    }\n  }\n": typeof types.ClassroomProgressRowFieldsFragmentDoc,
    "\n  fragment LessonAverageFields on LessonAverage {\n    lessonSlug\n    completed\n    completionRate\n    averageBestScore\n    assessed\n  }\n": typeof types.LessonAverageFieldsFragmentDoc,
    "\n  fragment ObjectiveSummaryFields on ObjectiveSummary {\n    objectiveId\n    lessonSlug\n    notStarted\n    attempted\n    familiar\n    proficient\n    mastered\n    averageFraction\n  }\n": typeof types.ObjectiveSummaryFieldsFragmentDoc,
    "\n  fragment NeedsHelpFields on NeedsHelp {\n    learner {\n      id\n      displayName\n      disambiguator\n    }\n    reasons\n    averageBestScore\n    weakObjectives\n    lessonsCompleted\n  }\n": typeof types.NeedsHelpFieldsFragmentDoc,
    "\n  fragment ClassroomActivityFields on ClassroomActivity {\n    type\n    learnerId\n    learnerName\n    learnerDisambiguator\n    quizId\n    itemId\n    attemptId\n    at\n  }\n": typeof types.ClassroomActivityFieldsFragmentDoc,
    "\n  fragment ItemStatFields on ItemStat {\n    itemId\n    type\n    prompt\n    points\n    attempts\n    responses\n    facilityIndex\n    discriminationIndex\n    needsCheck\n    checkReasons\n    distribution {\n      key\n      label\n      correct\n      count\n    }\n    statements {\n      id\n      label\n      responses\n      correct\n      categories {\n        key\n        label\n        correct\n        count\n      }\n    }\n  }\n": typeof types.ItemStatFieldsFragmentDoc,
    "\n  fragment PendingEssayFields on PendingEssay {\n    responseId\n    learner {\n      id\n      displayName\n      disambiguator\n    }\n    quizId\n    itemId\n    prompt\n    text\n    wordCount\n    expectedWords {\n      min\n      max\n    }\n    maxScore\n    rubric {\n      id\n      criterion\n      points\n    }\n    answeredAt\n  }\n": typeof types.PendingEssayFieldsFragmentDoc,
    "\n  fragment LearnerAttemptFields on LearnerAttempt {\n    id\n    quizId\n    mode\n    state\n    attemptNumber\n    startedAt\n    finishedAt\n    score\n    maxScore\n    late\n    responses {\n      id\n      itemId\n      itemVersion\n      itemType\n      prompt\n      answer {\n        ...AnswerFields\n      }\n      status\n      score\n      maxScore\n      correct\n      answeredAt\n      graderComment\n    }\n  }\n": typeof types.LearnerAttemptFieldsFragmentDoc,
    "\n  fragment CourseOutlineFields on Lesson {\n    slug\n    order\n    title\n    objectives {\n      id\n      text\n    }\n    quiz {\n      id\n      title\n    }\n  }\n": typeof types.CourseOutlineFieldsFragmentDoc,
    "\n  fragment CourseLessonFields on Lesson {\n    slug\n    order\n    title\n    summary\n    estimatedMinutes\n    quiz {\n      id\n    }\n  }\n": typeof types.CourseLessonFieldsFragmentDoc,
    "\n  fragment LessonProgressFields on LessonProgress {\n    lessonSlug\n    status\n    bestScore\n    grade\n    lastParagraphId\n    paragraphsSeen\n    paragraphsTotal\n    timeSpentSeconds\n    assessmentAttemptsUsed\n    assessmentAttemptsAllowed\n  }\n": typeof types.LessonProgressFieldsFragmentDoc,
    "\n  fragment SourceFields on Source {\n    id\n    n\n    title\n    publisher\n    date\n    url\n  }\n": typeof types.SourceFieldsFragmentDoc,
    "\n  fragment LessonSectionFields on LessonSection {\n    id\n    heading\n    paragraphs {\n      id\n      text\n      sourceParagraphs\n      terms {\n        termId\n        start\n        end\n      }\n    }\n  }\n": typeof types.LessonSectionFieldsFragmentDoc,
    "\n  fragment KeyTermFields on KeyTerm {\n    id\n    term\n    definition\n  }\n": typeof types.KeyTermFieldsFragmentDoc,
    "\n  fragment TimelineEntryFields on TimelineEntry {\n    date\n    event\n    sourceParagraphs\n  }\n": typeof types.TimelineEntryFieldsFragmentDoc,
    "\n  fragment ContextFactFields on ContextFact {\n    id\n    date\n    text\n    sources {\n      title\n      publisher\n      date\n      url\n    }\n  }\n": typeof types.ContextFactFieldsFragmentDoc,
    "\n  fragment ObjectiveMasteryFields on ObjectiveMastery {\n    objectiveId\n    lessonSlug\n    level\n    fraction\n  }\n": typeof types.ObjectiveMasteryFieldsFragmentDoc,
    "\n  fragment QuizItemFields on QuizItem {\n    id\n    type\n    prompt\n    points\n    objectiveIds\n    choices {\n      id\n      text\n    }\n    targets {\n      id\n      text\n    }\n    rubric {\n      id\n      criterion\n      points\n    }\n  }\n": typeof types.QuizItemFieldsFragmentDoc,
    "\n  fragment AnswerFields on Answer {\n    choiceIds\n    text\n    sequence\n    pairs {\n      leftId\n      rightId\n    }\n  }\n": typeof types.AnswerFieldsFragmentDoc,
    "\n  fragment ItemResponseFields on ItemResponse {\n    id\n    itemId\n    status\n    score\n    maxScore\n    correct\n    spellingNote\n    answeredAt\n    answer {\n      ...AnswerFields\n    }\n    rightAnswer {\n      ...AnswerFields\n    }\n    rubricMarks {\n      criterionId\n      criterion\n      points\n      score\n      comment\n    }\n    feedback {\n      explanation\n      comment\n      evidence {\n        lessonSlug\n        paragraphId\n        text\n      }\n    }\n  }\n": typeof types.ItemResponseFieldsFragmentDoc,
    "\n  fragment QuizSettingsFields on QuizSettings {\n    maxAttempts\n    timeLimitMinutes\n    gradingMethod\n    reviewPolicy\n    closesAt\n  }\n": typeof types.QuizSettingsFieldsFragmentDoc,
    "\n  fragment AttemptFields on Attempt {\n    id\n    quizId\n    mode\n    state\n    locale\n    startedAt\n    finishedAt\n    deadline\n    score\n    maxScore\n    feedbackAvailable\n    items {\n      ...QuizItemFields\n    }\n    responses {\n      ...ItemResponseFields\n    }\n    skipped {\n      itemId\n      rightAnswer {\n        ...AnswerFields\n      }\n      feedback {\n        explanation\n        evidence {\n          lessonSlug\n          paragraphId\n          text\n        }\n      }\n    }\n  }\n": typeof types.AttemptFieldsFragmentDoc,
    "\n  query ActorMap($locale: Locale!, $lessonSlug: String) {\n    actorMap(locale: $locale, lessonSlug: $lessonSlug) {\n      actors {\n        id\n        name\n        aliases\n        role\n        kind\n        source {\n          publisher\n          date\n          url\n        }\n      }\n      relations {\n        id\n        from\n        to\n        type\n        label\n        source {\n          publisher\n          date\n          url\n        }\n        evidence {\n          paragraphId\n          lessonSlug\n          lessonTitle\n        }\n      }\n    }\n  }\n": typeof types.ActorMapDocument,
    "\n  query ClassAssignments($id: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      timeZone\n    }\n    classAssignments(classroomId: $id, locale: $locale) {\n      id\n      kind\n      targetId\n      title\n      opensAt\n      dueAt\n      latePolicy\n      report {\n        notStarted\n        inProgress\n        done\n        late\n        overdue\n        behind {\n          id\n          displayName\n          state\n          doneAt\n        }\n      }\n    }\n  }\n": typeof types.ClassAssignmentsDocument,
    "\n  mutation CreateAssignment($input: AssignmentInput!) {\n    createAssignment(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateAssignmentDocument,
    "\n  mutation UpdateAssignment($id: ID!, $terms: AssignmentTermsInput!) {\n    updateAssignment(id: $id, terms: $terms) {\n      id\n      opensAt\n      dueAt\n      latePolicy\n    }\n  }\n": typeof types.UpdateAssignmentDocument,
    "\n  mutation DeleteAssignment($id: ID!) {\n    deleteAssignment(id: $id)\n  }\n": typeof types.DeleteAssignmentDocument,
    "\n  mutation SetClassroomTimeZone($id: ID!, $timeZone: String!) {\n    setClassroomTimeZone(classroomId: $id, timeZone: $timeZone) {\n      id\n      timeZone\n    }\n  }\n": typeof types.SetClassroomTimeZoneDocument,
    "\n  query AttemptPage($id: ID!) {\n    attempt(id: $id) {\n      ...AttemptFields\n    }\n  }\n": typeof types.AttemptPageDocument,
    "\n  query AttemptQuiz($id: ID!, $locale: Locale!) {\n    quiz(id: $id, locale: $locale) {\n      id\n      title\n      lessonSlug\n      settings {\n        ...QuizSettingsFields\n      }\n    }\n  }\n": typeof types.AttemptQuizDocument,
    "\n  mutation SubmitAnswer($input: SubmitAnswerInput!) {\n    submitAnswer(input: $input) {\n      ...ItemResponseFields\n    }\n  }\n": typeof types.SubmitAnswerDocument,
    "\n  mutation FinishAttempt($id: ID!) {\n    finishAttempt(attemptId: $id) {\n      ...AttemptFields\n    }\n  }\n": typeof types.FinishAttemptDocument,
    "\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n    role\n    locale\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query ClassSummary($id: ID!) {\n    classroom(id: $id) {\n      ...ClassroomCardFields\n      lessonAverages {\n        ...LessonAverageFields\n      }\n    }\n  }\n": typeof types.ClassSummaryDocument,
    "\n  query ClassMatrix($id: ID!, $offset: Int!, $limit: Int!, $search: String!, $sort: RosterSort!) {\n    classroom(id: $id) {\n      id\n      found: learnerCount(search: $search)\n      progress(offset: $offset, limit: $limit, search: $search, sort: $sort) {\n        ...ClassroomProgressRowFields\n      }\n    }\n  }\n": typeof types.ClassMatrixDocument,
    "\n  query ClassInsights($id: ID!, $threshold: Float!) {\n    classroom(id: $id) {\n      id\n      mastery {\n        ...ObjectiveSummaryFields\n      }\n      needsHelp(threshold: $threshold, limit: 20) {\n        ...NeedsHelpFields\n      }\n      pendingEssays(limit: 50) {\n        responseId\n      }\n    }\n  }\n": typeof types.ClassInsightsDocument,
    "\n  query ClassActivity($id: ID!) {\n    classroom(id: $id) {\n      id\n      recentActivity(limit: 20) {\n        ...ClassroomActivityFields\n      }\n    }\n  }\n": typeof types.ClassActivityDocument,
    "\n  subscription ClassActivityFeed($id: ID!) {\n    classroomActivity(classroomId: $id) {\n      ...ClassroomActivityFields\n    }\n  }\n": typeof types.ClassActivityFeedDocument,
    "\n  mutation RemoveLearner($classroomId: ID!, $learnerId: ID!) {\n    removeLearner(classroomId: $classroomId, learnerId: $learnerId)\n  }\n": typeof types.RemoveLearnerDocument,
    "\n  mutation RenameClassroom($id: ID!, $name: String!) {\n    renameClassroom(classroomId: $id, name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.RenameClassroomDocument,
    "\n  query Gradebook($id: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      name\n      gradebookCsv(locale: $locale)\n    }\n  }\n": typeof types.GradebookDocument,
    "\n  query ClassLearner($id: ID!, $learnerId: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      name\n      learner(id: $learnerId, locale: $locale) {\n        learner {\n          id\n          displayName\n          disambiguator\n          joinedAt\n        }\n        lessons {\n          lessonSlug\n          status\n          bestScore\n        }\n        objectives {\n          objectiveId\n          level\n          fraction\n        }\n        attempts {\n          ...LearnerAttemptFields\n        }\n      }\n    }\n    course(locale: $locale) {\n      id\n      lessons {\n        ...CourseOutlineFields\n        quiz {\n          id\n          items {\n            id\n            choices {\n              id\n              text\n            }\n            targets {\n              id\n              text\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ClassLearnerDocument,
    "\n  query ClassPrePost($id: ID!, $limit: Int!) {\n    classroom(id: $id) {\n      id\n      prePost(limit: $limit) {\n        learner {\n          id\n          displayName\n          disambiguator\n        }\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n      prePostAverage {\n        learners\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n    }\n  }\n": typeof types.ClassPrePostDocument,
    "\n  query ClassSettings($id: ID!) {\n    classroom(id: $id) {\n      id\n      name\n      archivedAt\n      myRole\n      teachers {\n        id\n        displayName\n        email\n        owner\n      }\n    }\n  }\n": typeof types.ClassSettingsDocument,
    "\n  mutation ArchiveClassroom($id: ID!) {\n    archiveClassroom(classroomId: $id) {\n      id\n      archivedAt\n    }\n  }\n": typeof types.ArchiveClassroomDocument,
    "\n  mutation UnarchiveClassroom($id: ID!) {\n    unarchiveClassroom(classroomId: $id) {\n      id\n      archivedAt\n    }\n  }\n": typeof types.UnarchiveClassroomDocument,
    "\n  mutation DeleteClassroom($id: ID!, $confirmName: String!) {\n    deleteClassroom(classroomId: $id, confirmName: $confirmName)\n  }\n": typeof types.DeleteClassroomDocument,
    "\n  mutation AddCoInstructor($id: ID!, $email: String!) {\n    addCoInstructor(classroomId: $id, email: $email) {\n      id\n    }\n  }\n": typeof types.AddCoInstructorDocument,
    "\n  mutation CreateCoInstructorInvite($id: ID!) {\n    createCoInstructorInvite(classroomId: $id) {\n      path\n      expiresAt\n    }\n  }\n": typeof types.CreateCoInstructorInviteDocument,
    "\n  mutation RemoveCoInstructor($id: ID!, $userId: ID!) {\n    removeCoInstructor(classroomId: $id, userId: $userId)\n  }\n": typeof types.RemoveCoInstructorDocument,
    "\n  mutation TransferClassroom($id: ID!, $userId: ID!) {\n    transferClassroom(classroomId: $id, userId: $userId) {\n      id\n      myRole\n    }\n  }\n": typeof types.TransferClassroomDocument,
    "\n  mutation AcceptCoInstructorInvite($token: String!) {\n    acceptCoInstructorInvite(token: $token) {\n      id\n      name\n    }\n  }\n": typeof types.AcceptCoInstructorInviteDocument,
    "\n  query TeachClassrooms {\n    myClassrooms {\n      ...ClassroomCardFields\n    }\n  }\n": typeof types.TeachClassroomsDocument,
    "\n  query TeachArchivedClassrooms {\n    myClassrooms(archived: true) {\n      ...ClassroomCardFields\n    }\n  }\n": typeof types.TeachArchivedClassroomsDocument,
    "\n  mutation CreateClassroom($name: String!, $timeZone: String) {\n    createClassroom(name: $name, timeZone: $timeZone) {\n      ...ClassroomCardFields\n    }\n  }\n": typeof types.CreateClassroomDocument,
    "\n  mutation RegenerateJoinCode($id: ID!) {\n    regenerateJoinCode(classroomId: $id) {\n      id\n      joinCode\n    }\n  }\n": typeof types.RegenerateJoinCodeDocument,
    "\n  query CourseHome($locale: Locale!) {\n    course(locale: $locale) {\n      id\n      title\n      description\n      audience\n      article {\n        title\n        language\n      }\n      sources {\n        ...SourceFields\n      }\n      lessons {\n        ...CourseLessonFields\n      }\n      diagnostic {\n        id\n        title\n      }\n      final {\n        id\n        title\n      }\n    }\n  }\n": typeof types.CourseHomeDocument,
    "\n  query MyProgressSummary {\n    myProgress {\n      reviewsDue\n      lessons {\n        ...LessonProgressFields\n      }\n      objectives {\n        objectiveId\n        lessonSlug\n        level\n        fraction\n      }\n    }\n  }\n": typeof types.MyProgressSummaryDocument,
    "\n  query CourseOutline($locale: Locale!) {\n    course(locale: $locale) {\n      id\n      lessons {\n        ...CourseOutlineFields\n      }\n      retiredLessons {\n        ...CourseOutlineFields\n      }\n      diagnostic {\n        id\n        title\n      }\n      final {\n        id\n        title\n      }\n    }\n  }\n": typeof types.CourseOutlineDocument,
    "\n  query CourseTimeline($locale: Locale!) {\n    courseTimeline(locale: $locale) {\n      events {\n        id\n        date\n        event\n        kind\n        lessonSlug\n        lessonTitle\n        paragraphId\n        actorIds\n        source {\n          publisher\n          date\n          url\n        }\n      }\n      actors {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CourseTimelineDocument,
    "\n  query ClassEssays($id: ID!, $locale: Locale!, $offset: Int!, $limit: Int!, $quizId: ID) {\n    classroom(id: $id) {\n      id\n      name\n      pendingEssayCount(quizId: $quizId)\n      pendingEssays(locale: $locale, offset: $offset, limit: $limit, quizId: $quizId) {\n        ...PendingEssayFields\n      }\n    }\n  }\n": typeof types.ClassEssaysDocument,
    "\n  mutation GradeEssay($input: GradeEssayInput!) {\n    gradeEssay(input: $input) {\n      id\n      status\n      score\n      maxScore\n    }\n  }\n": typeof types.GradeEssayDocument,
    "\n  query GradebookExport($id: ID!, $format: SheetFormat!, $separator: CsvSeparator!, $locale: Locale!) {\n    gradebookExport(classroomId: $id, format: $format, separator: $separator, locale: $locale) {\n      filename\n      contentType\n      base64\n    }\n  }\n": typeof types.GradebookExportDocument,
    "\n  query ResponsesExport($id: ID!, $quizId: ID!, $format: SheetFormat!, $separator: CsvSeparator!, $locale: Locale!) {\n    responsesExport(classroomId: $id, quizId: $quizId, format: $format, separator: $separator, locale: $locale) {\n      filename\n      contentType\n      base64\n    }\n  }\n": typeof types.ResponsesExportDocument,
    "\n  query ItemBankExport($quizId: ID!, $format: ItemBankFormat!) {\n    itemBankExport(quizId: $quizId, format: $format) {\n      filename\n      contentType\n      base64\n    }\n  }\n": typeof types.ItemBankExportDocument,
    "\n  query MyGains {\n    myGains {\n      diagnosticQuizId\n      finalQuizId\n      preTaken\n      postTaken\n      diagnosticAttemptsUsed\n      finalAttemptsUsed\n      overall {\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n      objectives {\n        objectiveId\n        objectiveText\n        lessonSlug\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n    }\n  }\n": typeof types.MyGainsDocument,
    "\n  query ClassItemStats($id: ID!, $quizId: ID!, $all: Boolean!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      name\n      itemStats(quizId: $quizId, allAttempts: $all, locale: $locale) {\n        ...ItemStatFields\n      }\n    }\n  }\n": typeof types.ClassItemStatsDocument,
    "\n  query MyClasses {\n    myClassrooms {\n      id\n      name\n    }\n  }\n": typeof types.MyClassesDocument,
    "\n  mutation JoinClassroom($code: String!) {\n    joinClassroom(code: $code) {\n      id\n      name\n    }\n  }\n": typeof types.JoinClassroomDocument,
    "\n  fragment ItemHintFields on ItemHint {\n    itemId\n    used\n    max\n    lessonSlug\n    lessonTitle\n    sectionId\n    sectionHeading\n    paragraphs {\n      paragraphId\n      text\n    }\n  }\n": typeof types.ItemHintFieldsFragmentDoc,
    "\n  fragment CalibrationFields on Calibration {\n    answers\n    averageMark\n    levels {\n      certainty\n      answers\n      accuracy\n      verdict\n    }\n  }\n": typeof types.CalibrationFieldsFragmentDoc,
    "\n  query AttemptTools($id: ID!) {\n    attempt(id: $id) {\n      id\n      certaintyMode\n      hintsAvailable\n      hints {\n        ...ItemHintFields\n      }\n      responses {\n        id\n        itemId\n        certainty\n        hintsUsed\n        cbmMark\n      }\n      calibration {\n        ...CalibrationFields\n      }\n    }\n  }\n": typeof types.AttemptToolsDocument,
    "\n  mutation TakeHint($attemptId: ID!, $itemId: ID!) {\n    takeHint(attemptId: $attemptId, itemId: $itemId) {\n      ...ItemHintFields\n    }\n  }\n": typeof types.TakeHintDocument,
    "\n  query LessonPage($slug: String!, $locale: Locale!) {\n    lesson(slug: $slug, locale: $locale) {\n      slug\n      order\n      title\n      summary\n      estimatedMinutes\n      objectives {\n        id\n        text\n      }\n      sections {\n        ...LessonSectionFields\n      }\n      keyTerms {\n        ...KeyTermFields\n      }\n      timeline {\n        ...TimelineEntryFields\n      }\n      sources {\n        ...SourceFields\n      }\n      contextBefore {\n        ...ContextFactFields\n      }\n      contextAfter {\n        ...ContextFactFields\n      }\n      quiz {\n        id\n      }\n    }\n    course(locale: $locale) {\n      id\n      article {\n        title\n      }\n      lessons {\n        slug\n        order\n        title\n      }\n    }\n  }\n": typeof types.LessonPageDocument,
    "\n  mutation RecordLessonProgress($input: LessonProgressInput!) {\n    recordLessonProgress(input: $input) {\n      ...LessonProgressFields\n    }\n  }\n": typeof types.RecordLessonProgressDocument,
    "\n  query LessonObjectives($slug: String!, $locale: Locale!) {\n    lesson(slug: $slug, locale: $locale) {\n      slug\n      objectives {\n        id\n        text\n      }\n    }\n  }\n": typeof types.LessonObjectivesDocument,
    "\n  mutation SetLocale($locale: Locale!) {\n    setLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n": typeof types.SetLocaleDocument,
    "\n  query MyAssignments($locale: Locale!, $quizId: ID) {\n    myAssignments(locale: $locale, quizId: $quizId) {\n      id\n      kind\n      targetId\n      lessonSlug\n      title\n      classroomName\n      opensAt\n      dueAt\n      latePolicy\n      state\n    }\n  }\n": typeof types.MyAssignmentsDocument,
    "\n  fragment NoteFields on Note {\n    id\n    lessonSlug\n    paragraphId\n    language\n    quote\n    body\n    status\n    start\n    end\n    updatedAt\n  }\n": typeof types.NoteFieldsFragmentDoc,
    "\n  query MyNotes($lessonSlug: String) {\n    myNotes(lessonSlug: $lessonSlug) {\n      ...NoteFields\n    }\n  }\n": typeof types.MyNotesDocument,
    "\n  mutation SaveNote($input: SaveNoteInput!) {\n    saveNote(input: $input) {\n      ...NoteFields\n    }\n  }\n": typeof types.SaveNoteDocument,
    "\n  mutation DeleteNote($id: ID!) {\n    deleteNote(id: $id)\n  }\n": typeof types.DeleteNoteDocument,
    "\n  query ProgressPage($locale: Locale!) {\n    course(locale: $locale) {\n      id\n      lessons {\n        slug\n        order\n        title\n        objectives {\n          id\n          text\n        }\n        quiz {\n          id\n        }\n      }\n      retiredLessons {\n        slug\n        order\n        title\n        retired\n      }\n    }\n    myProgress {\n      reviewsDue\n      lessons {\n        ...LessonProgressFields\n      }\n      objectives {\n        ...ObjectiveMasteryFields\n      }\n    }\n  }\n": typeof types.ProgressPageDocument,
    "\n  query QuizOverview($id: ID!, $locale: Locale!) {\n    quiz(id: $id, locale: $locale) {\n      id\n      title\n      lessonSlug\n      role\n      items {\n        id\n        type\n      }\n      settings {\n        ...QuizSettingsFields\n      }\n    }\n    course(locale: $locale) {\n      id\n      lessons {\n        slug\n        title\n      }\n    }\n    myProgress {\n      lessons {\n        ...LessonProgressFields\n      }\n    }\n    myOpenAttempts(quizId: $id) {\n      id\n      mode\n      startedAt\n      secondsLeft\n    }\n  }\n": typeof types.QuizOverviewDocument,
    "\n  mutation StartAttempt($quizId: ID!, $mode: AttemptMode!, $locale: Locale) {\n    startAttempt(quizId: $quizId, mode: $mode, locale: $locale) {\n      id\n      mode\n      state\n    }\n  }\n": typeof types.StartAttemptDocument,
    "\n  query ReviewQueue($limit: Int!) {\n    reviewQueue(limit: $limit) {\n      ...QuizItemFields\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  mutation SubmitReview($input: ReviewAnswerInput!) {\n    submitReview(input: $input) {\n      ...ItemResponseFields\n      nextReviewAt\n    }\n  }\n": typeof types.SubmitReviewDocument,
    "\n  query CourseSearch($query: String!, $locale: Locale!, $first: Int!) {\n    search(query: $query, locale: $locale, first: $first) {\n      total\n      hits {\n        kind\n        lessonSlug\n        lessonTitle\n        anchor\n        language\n        truncatedStart\n        truncatedEnd\n        segments {\n          text\n          match\n        }\n      }\n    }\n  }\n": typeof types.CourseSearchDocument,
};
const documents: Documents = {
    "\n  query ClassCalibration($id: ID!, $quizId: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      calibration(quizId: $quizId) {\n        ...CalibrationFields\n      }\n      itemStats(quizId: $quizId, locale: $locale) {\n        itemId\n        prompt\n        hintedAnswers\n        hintsUsed\n      }\n    }\n  }\n": types.ClassCalibrationDocument,
    "\n  query LtiClassStatus($id: ID!) {\n    ltiClassStatus(classroomId: $id) {\n      canSyncRoster\n      leftLearnerIds\n      unsentScores { id learnerName quizId state tries nextTryAt lastError }\n    }\n  }\n": types.LtiClassStatusDocument,
    "\n  mutation SyncLtiRoster($id: ID!) {\n    syncLtiRoster(classroomId: $id) { listed added created left active }\n  }\n": types.SyncLtiRosterDocument,
    "\n  fragment ClassroomCardFields on Classroom {\n    id\n    name\n    joinCode\n    createdAt\n    archivedAt\n    myRole\n    learnerCount\n  }\n": types.ClassroomCardFieldsFragmentDoc,
    "\n  fragment ClassroomProgressRowFields on LearnerProgressRow {\n    learner {\n      id\n      displayName\n      disambiguator\n    }\n    lessons {\n      lessonSlug\n      status\n      bestScore\n    }\n  }\n": types.ClassroomProgressRowFieldsFragmentDoc,
    "\n  fragment LessonAverageFields on LessonAverage {\n    lessonSlug\n    completed\n    completionRate\n    averageBestScore\n    assessed\n  }\n": types.LessonAverageFieldsFragmentDoc,
    "\n  fragment ObjectiveSummaryFields on ObjectiveSummary {\n    objectiveId\n    lessonSlug\n    notStarted\n    attempted\n    familiar\n    proficient\n    mastered\n    averageFraction\n  }\n": types.ObjectiveSummaryFieldsFragmentDoc,
    "\n  fragment NeedsHelpFields on NeedsHelp {\n    learner {\n      id\n      displayName\n      disambiguator\n    }\n    reasons\n    averageBestScore\n    weakObjectives\n    lessonsCompleted\n  }\n": types.NeedsHelpFieldsFragmentDoc,
    "\n  fragment ClassroomActivityFields on ClassroomActivity {\n    type\n    learnerId\n    learnerName\n    learnerDisambiguator\n    quizId\n    itemId\n    attemptId\n    at\n  }\n": types.ClassroomActivityFieldsFragmentDoc,
    "\n  fragment ItemStatFields on ItemStat {\n    itemId\n    type\n    prompt\n    points\n    attempts\n    responses\n    facilityIndex\n    discriminationIndex\n    needsCheck\n    checkReasons\n    distribution {\n      key\n      label\n      correct\n      count\n    }\n    statements {\n      id\n      label\n      responses\n      correct\n      categories {\n        key\n        label\n        correct\n        count\n      }\n    }\n  }\n": types.ItemStatFieldsFragmentDoc,
    "\n  fragment PendingEssayFields on PendingEssay {\n    responseId\n    learner {\n      id\n      displayName\n      disambiguator\n    }\n    quizId\n    itemId\n    prompt\n    text\n    wordCount\n    expectedWords {\n      min\n      max\n    }\n    maxScore\n    rubric {\n      id\n      criterion\n      points\n    }\n    answeredAt\n  }\n": types.PendingEssayFieldsFragmentDoc,
    "\n  fragment LearnerAttemptFields on LearnerAttempt {\n    id\n    quizId\n    mode\n    state\n    attemptNumber\n    startedAt\n    finishedAt\n    score\n    maxScore\n    late\n    responses {\n      id\n      itemId\n      itemVersion\n      itemType\n      prompt\n      answer {\n        ...AnswerFields\n      }\n      status\n      score\n      maxScore\n      correct\n      answeredAt\n      graderComment\n    }\n  }\n": types.LearnerAttemptFieldsFragmentDoc,
    "\n  fragment CourseOutlineFields on Lesson {\n    slug\n    order\n    title\n    objectives {\n      id\n      text\n    }\n    quiz {\n      id\n      title\n    }\n  }\n": types.CourseOutlineFieldsFragmentDoc,
    "\n  fragment CourseLessonFields on Lesson {\n    slug\n    order\n    title\n    summary\n    estimatedMinutes\n    quiz {\n      id\n    }\n  }\n": types.CourseLessonFieldsFragmentDoc,
    "\n  fragment LessonProgressFields on LessonProgress {\n    lessonSlug\n    status\n    bestScore\n    grade\n    lastParagraphId\n    paragraphsSeen\n    paragraphsTotal\n    timeSpentSeconds\n    assessmentAttemptsUsed\n    assessmentAttemptsAllowed\n  }\n": types.LessonProgressFieldsFragmentDoc,
    "\n  fragment SourceFields on Source {\n    id\n    n\n    title\n    publisher\n    date\n    url\n  }\n": types.SourceFieldsFragmentDoc,
    "\n  fragment LessonSectionFields on LessonSection {\n    id\n    heading\n    paragraphs {\n      id\n      text\n      sourceParagraphs\n      terms {\n        termId\n        start\n        end\n      }\n    }\n  }\n": types.LessonSectionFieldsFragmentDoc,
    "\n  fragment KeyTermFields on KeyTerm {\n    id\n    term\n    definition\n  }\n": types.KeyTermFieldsFragmentDoc,
    "\n  fragment TimelineEntryFields on TimelineEntry {\n    date\n    event\n    sourceParagraphs\n  }\n": types.TimelineEntryFieldsFragmentDoc,
    "\n  fragment ContextFactFields on ContextFact {\n    id\n    date\n    text\n    sources {\n      title\n      publisher\n      date\n      url\n    }\n  }\n": types.ContextFactFieldsFragmentDoc,
    "\n  fragment ObjectiveMasteryFields on ObjectiveMastery {\n    objectiveId\n    lessonSlug\n    level\n    fraction\n  }\n": types.ObjectiveMasteryFieldsFragmentDoc,
    "\n  fragment QuizItemFields on QuizItem {\n    id\n    type\n    prompt\n    points\n    objectiveIds\n    choices {\n      id\n      text\n    }\n    targets {\n      id\n      text\n    }\n    rubric {\n      id\n      criterion\n      points\n    }\n  }\n": types.QuizItemFieldsFragmentDoc,
    "\n  fragment AnswerFields on Answer {\n    choiceIds\n    text\n    sequence\n    pairs {\n      leftId\n      rightId\n    }\n  }\n": types.AnswerFieldsFragmentDoc,
    "\n  fragment ItemResponseFields on ItemResponse {\n    id\n    itemId\n    status\n    score\n    maxScore\n    correct\n    spellingNote\n    answeredAt\n    answer {\n      ...AnswerFields\n    }\n    rightAnswer {\n      ...AnswerFields\n    }\n    rubricMarks {\n      criterionId\n      criterion\n      points\n      score\n      comment\n    }\n    feedback {\n      explanation\n      comment\n      evidence {\n        lessonSlug\n        paragraphId\n        text\n      }\n    }\n  }\n": types.ItemResponseFieldsFragmentDoc,
    "\n  fragment QuizSettingsFields on QuizSettings {\n    maxAttempts\n    timeLimitMinutes\n    gradingMethod\n    reviewPolicy\n    closesAt\n  }\n": types.QuizSettingsFieldsFragmentDoc,
    "\n  fragment AttemptFields on Attempt {\n    id\n    quizId\n    mode\n    state\n    locale\n    startedAt\n    finishedAt\n    deadline\n    score\n    maxScore\n    feedbackAvailable\n    items {\n      ...QuizItemFields\n    }\n    responses {\n      ...ItemResponseFields\n    }\n    skipped {\n      itemId\n      rightAnswer {\n        ...AnswerFields\n      }\n      feedback {\n        explanation\n        evidence {\n          lessonSlug\n          paragraphId\n          text\n        }\n      }\n    }\n  }\n": types.AttemptFieldsFragmentDoc,
    "\n  query ActorMap($locale: Locale!, $lessonSlug: String) {\n    actorMap(locale: $locale, lessonSlug: $lessonSlug) {\n      actors {\n        id\n        name\n        aliases\n        role\n        kind\n        source {\n          publisher\n          date\n          url\n        }\n      }\n      relations {\n        id\n        from\n        to\n        type\n        label\n        source {\n          publisher\n          date\n          url\n        }\n        evidence {\n          paragraphId\n          lessonSlug\n          lessonTitle\n        }\n      }\n    }\n  }\n": types.ActorMapDocument,
    "\n  query ClassAssignments($id: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      timeZone\n    }\n    classAssignments(classroomId: $id, locale: $locale) {\n      id\n      kind\n      targetId\n      title\n      opensAt\n      dueAt\n      latePolicy\n      report {\n        notStarted\n        inProgress\n        done\n        late\n        overdue\n        behind {\n          id\n          displayName\n          state\n          doneAt\n        }\n      }\n    }\n  }\n": types.ClassAssignmentsDocument,
    "\n  mutation CreateAssignment($input: AssignmentInput!) {\n    createAssignment(input: $input) {\n      id\n    }\n  }\n": types.CreateAssignmentDocument,
    "\n  mutation UpdateAssignment($id: ID!, $terms: AssignmentTermsInput!) {\n    updateAssignment(id: $id, terms: $terms) {\n      id\n      opensAt\n      dueAt\n      latePolicy\n    }\n  }\n": types.UpdateAssignmentDocument,
    "\n  mutation DeleteAssignment($id: ID!) {\n    deleteAssignment(id: $id)\n  }\n": types.DeleteAssignmentDocument,
    "\n  mutation SetClassroomTimeZone($id: ID!, $timeZone: String!) {\n    setClassroomTimeZone(classroomId: $id, timeZone: $timeZone) {\n      id\n      timeZone\n    }\n  }\n": types.SetClassroomTimeZoneDocument,
    "\n  query AttemptPage($id: ID!) {\n    attempt(id: $id) {\n      ...AttemptFields\n    }\n  }\n": types.AttemptPageDocument,
    "\n  query AttemptQuiz($id: ID!, $locale: Locale!) {\n    quiz(id: $id, locale: $locale) {\n      id\n      title\n      lessonSlug\n      settings {\n        ...QuizSettingsFields\n      }\n    }\n  }\n": types.AttemptQuizDocument,
    "\n  mutation SubmitAnswer($input: SubmitAnswerInput!) {\n    submitAnswer(input: $input) {\n      ...ItemResponseFields\n    }\n  }\n": types.SubmitAnswerDocument,
    "\n  mutation FinishAttempt($id: ID!) {\n    finishAttempt(attemptId: $id) {\n      ...AttemptFields\n    }\n  }\n": types.FinishAttemptDocument,
    "\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n    role\n    locale\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query ClassSummary($id: ID!) {\n    classroom(id: $id) {\n      ...ClassroomCardFields\n      lessonAverages {\n        ...LessonAverageFields\n      }\n    }\n  }\n": types.ClassSummaryDocument,
    "\n  query ClassMatrix($id: ID!, $offset: Int!, $limit: Int!, $search: String!, $sort: RosterSort!) {\n    classroom(id: $id) {\n      id\n      found: learnerCount(search: $search)\n      progress(offset: $offset, limit: $limit, search: $search, sort: $sort) {\n        ...ClassroomProgressRowFields\n      }\n    }\n  }\n": types.ClassMatrixDocument,
    "\n  query ClassInsights($id: ID!, $threshold: Float!) {\n    classroom(id: $id) {\n      id\n      mastery {\n        ...ObjectiveSummaryFields\n      }\n      needsHelp(threshold: $threshold, limit: 20) {\n        ...NeedsHelpFields\n      }\n      pendingEssays(limit: 50) {\n        responseId\n      }\n    }\n  }\n": types.ClassInsightsDocument,
    "\n  query ClassActivity($id: ID!) {\n    classroom(id: $id) {\n      id\n      recentActivity(limit: 20) {\n        ...ClassroomActivityFields\n      }\n    }\n  }\n": types.ClassActivityDocument,
    "\n  subscription ClassActivityFeed($id: ID!) {\n    classroomActivity(classroomId: $id) {\n      ...ClassroomActivityFields\n    }\n  }\n": types.ClassActivityFeedDocument,
    "\n  mutation RemoveLearner($classroomId: ID!, $learnerId: ID!) {\n    removeLearner(classroomId: $classroomId, learnerId: $learnerId)\n  }\n": types.RemoveLearnerDocument,
    "\n  mutation RenameClassroom($id: ID!, $name: String!) {\n    renameClassroom(classroomId: $id, name: $name) {\n      id\n      name\n    }\n  }\n": types.RenameClassroomDocument,
    "\n  query Gradebook($id: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      name\n      gradebookCsv(locale: $locale)\n    }\n  }\n": types.GradebookDocument,
    "\n  query ClassLearner($id: ID!, $learnerId: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      name\n      learner(id: $learnerId, locale: $locale) {\n        learner {\n          id\n          displayName\n          disambiguator\n          joinedAt\n        }\n        lessons {\n          lessonSlug\n          status\n          bestScore\n        }\n        objectives {\n          objectiveId\n          level\n          fraction\n        }\n        attempts {\n          ...LearnerAttemptFields\n        }\n      }\n    }\n    course(locale: $locale) {\n      id\n      lessons {\n        ...CourseOutlineFields\n        quiz {\n          id\n          items {\n            id\n            choices {\n              id\n              text\n            }\n            targets {\n              id\n              text\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ClassLearnerDocument,
    "\n  query ClassPrePost($id: ID!, $limit: Int!) {\n    classroom(id: $id) {\n      id\n      prePost(limit: $limit) {\n        learner {\n          id\n          displayName\n          disambiguator\n        }\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n      prePostAverage {\n        learners\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n    }\n  }\n": types.ClassPrePostDocument,
    "\n  query ClassSettings($id: ID!) {\n    classroom(id: $id) {\n      id\n      name\n      archivedAt\n      myRole\n      teachers {\n        id\n        displayName\n        email\n        owner\n      }\n    }\n  }\n": types.ClassSettingsDocument,
    "\n  mutation ArchiveClassroom($id: ID!) {\n    archiveClassroom(classroomId: $id) {\n      id\n      archivedAt\n    }\n  }\n": types.ArchiveClassroomDocument,
    "\n  mutation UnarchiveClassroom($id: ID!) {\n    unarchiveClassroom(classroomId: $id) {\n      id\n      archivedAt\n    }\n  }\n": types.UnarchiveClassroomDocument,
    "\n  mutation DeleteClassroom($id: ID!, $confirmName: String!) {\n    deleteClassroom(classroomId: $id, confirmName: $confirmName)\n  }\n": types.DeleteClassroomDocument,
    "\n  mutation AddCoInstructor($id: ID!, $email: String!) {\n    addCoInstructor(classroomId: $id, email: $email) {\n      id\n    }\n  }\n": types.AddCoInstructorDocument,
    "\n  mutation CreateCoInstructorInvite($id: ID!) {\n    createCoInstructorInvite(classroomId: $id) {\n      path\n      expiresAt\n    }\n  }\n": types.CreateCoInstructorInviteDocument,
    "\n  mutation RemoveCoInstructor($id: ID!, $userId: ID!) {\n    removeCoInstructor(classroomId: $id, userId: $userId)\n  }\n": types.RemoveCoInstructorDocument,
    "\n  mutation TransferClassroom($id: ID!, $userId: ID!) {\n    transferClassroom(classroomId: $id, userId: $userId) {\n      id\n      myRole\n    }\n  }\n": types.TransferClassroomDocument,
    "\n  mutation AcceptCoInstructorInvite($token: String!) {\n    acceptCoInstructorInvite(token: $token) {\n      id\n      name\n    }\n  }\n": types.AcceptCoInstructorInviteDocument,
    "\n  query TeachClassrooms {\n    myClassrooms {\n      ...ClassroomCardFields\n    }\n  }\n": types.TeachClassroomsDocument,
    "\n  query TeachArchivedClassrooms {\n    myClassrooms(archived: true) {\n      ...ClassroomCardFields\n    }\n  }\n": types.TeachArchivedClassroomsDocument,
    "\n  mutation CreateClassroom($name: String!, $timeZone: String) {\n    createClassroom(name: $name, timeZone: $timeZone) {\n      ...ClassroomCardFields\n    }\n  }\n": types.CreateClassroomDocument,
    "\n  mutation RegenerateJoinCode($id: ID!) {\n    regenerateJoinCode(classroomId: $id) {\n      id\n      joinCode\n    }\n  }\n": types.RegenerateJoinCodeDocument,
    "\n  query CourseHome($locale: Locale!) {\n    course(locale: $locale) {\n      id\n      title\n      description\n      audience\n      article {\n        title\n        language\n      }\n      sources {\n        ...SourceFields\n      }\n      lessons {\n        ...CourseLessonFields\n      }\n      diagnostic {\n        id\n        title\n      }\n      final {\n        id\n        title\n      }\n    }\n  }\n": types.CourseHomeDocument,
    "\n  query MyProgressSummary {\n    myProgress {\n      reviewsDue\n      lessons {\n        ...LessonProgressFields\n      }\n      objectives {\n        objectiveId\n        lessonSlug\n        level\n        fraction\n      }\n    }\n  }\n": types.MyProgressSummaryDocument,
    "\n  query CourseOutline($locale: Locale!) {\n    course(locale: $locale) {\n      id\n      lessons {\n        ...CourseOutlineFields\n      }\n      retiredLessons {\n        ...CourseOutlineFields\n      }\n      diagnostic {\n        id\n        title\n      }\n      final {\n        id\n        title\n      }\n    }\n  }\n": types.CourseOutlineDocument,
    "\n  query CourseTimeline($locale: Locale!) {\n    courseTimeline(locale: $locale) {\n      events {\n        id\n        date\n        event\n        kind\n        lessonSlug\n        lessonTitle\n        paragraphId\n        actorIds\n        source {\n          publisher\n          date\n          url\n        }\n      }\n      actors {\n        id\n        name\n      }\n    }\n  }\n": types.CourseTimelineDocument,
    "\n  query ClassEssays($id: ID!, $locale: Locale!, $offset: Int!, $limit: Int!, $quizId: ID) {\n    classroom(id: $id) {\n      id\n      name\n      pendingEssayCount(quizId: $quizId)\n      pendingEssays(locale: $locale, offset: $offset, limit: $limit, quizId: $quizId) {\n        ...PendingEssayFields\n      }\n    }\n  }\n": types.ClassEssaysDocument,
    "\n  mutation GradeEssay($input: GradeEssayInput!) {\n    gradeEssay(input: $input) {\n      id\n      status\n      score\n      maxScore\n    }\n  }\n": types.GradeEssayDocument,
    "\n  query GradebookExport($id: ID!, $format: SheetFormat!, $separator: CsvSeparator!, $locale: Locale!) {\n    gradebookExport(classroomId: $id, format: $format, separator: $separator, locale: $locale) {\n      filename\n      contentType\n      base64\n    }\n  }\n": types.GradebookExportDocument,
    "\n  query ResponsesExport($id: ID!, $quizId: ID!, $format: SheetFormat!, $separator: CsvSeparator!, $locale: Locale!) {\n    responsesExport(classroomId: $id, quizId: $quizId, format: $format, separator: $separator, locale: $locale) {\n      filename\n      contentType\n      base64\n    }\n  }\n": types.ResponsesExportDocument,
    "\n  query ItemBankExport($quizId: ID!, $format: ItemBankFormat!) {\n    itemBankExport(quizId: $quizId, format: $format) {\n      filename\n      contentType\n      base64\n    }\n  }\n": types.ItemBankExportDocument,
    "\n  query MyGains {\n    myGains {\n      diagnosticQuizId\n      finalQuizId\n      preTaken\n      postTaken\n      diagnosticAttemptsUsed\n      finalAttemptsUsed\n      overall {\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n      objectives {\n        objectiveId\n        objectiveText\n        lessonSlug\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n    }\n  }\n": types.MyGainsDocument,
    "\n  query ClassItemStats($id: ID!, $quizId: ID!, $all: Boolean!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      name\n      itemStats(quizId: $quizId, allAttempts: $all, locale: $locale) {\n        ...ItemStatFields\n      }\n    }\n  }\n": types.ClassItemStatsDocument,
    "\n  query MyClasses {\n    myClassrooms {\n      id\n      name\n    }\n  }\n": types.MyClassesDocument,
    "\n  mutation JoinClassroom($code: String!) {\n    joinClassroom(code: $code) {\n      id\n      name\n    }\n  }\n": types.JoinClassroomDocument,
    "\n  fragment ItemHintFields on ItemHint {\n    itemId\n    used\n    max\n    lessonSlug\n    lessonTitle\n    sectionId\n    sectionHeading\n    paragraphs {\n      paragraphId\n      text\n    }\n  }\n": types.ItemHintFieldsFragmentDoc,
    "\n  fragment CalibrationFields on Calibration {\n    answers\n    averageMark\n    levels {\n      certainty\n      answers\n      accuracy\n      verdict\n    }\n  }\n": types.CalibrationFieldsFragmentDoc,
    "\n  query AttemptTools($id: ID!) {\n    attempt(id: $id) {\n      id\n      certaintyMode\n      hintsAvailable\n      hints {\n        ...ItemHintFields\n      }\n      responses {\n        id\n        itemId\n        certainty\n        hintsUsed\n        cbmMark\n      }\n      calibration {\n        ...CalibrationFields\n      }\n    }\n  }\n": types.AttemptToolsDocument,
    "\n  mutation TakeHint($attemptId: ID!, $itemId: ID!) {\n    takeHint(attemptId: $attemptId, itemId: $itemId) {\n      ...ItemHintFields\n    }\n  }\n": types.TakeHintDocument,
    "\n  query LessonPage($slug: String!, $locale: Locale!) {\n    lesson(slug: $slug, locale: $locale) {\n      slug\n      order\n      title\n      summary\n      estimatedMinutes\n      objectives {\n        id\n        text\n      }\n      sections {\n        ...LessonSectionFields\n      }\n      keyTerms {\n        ...KeyTermFields\n      }\n      timeline {\n        ...TimelineEntryFields\n      }\n      sources {\n        ...SourceFields\n      }\n      contextBefore {\n        ...ContextFactFields\n      }\n      contextAfter {\n        ...ContextFactFields\n      }\n      quiz {\n        id\n      }\n    }\n    course(locale: $locale) {\n      id\n      article {\n        title\n      }\n      lessons {\n        slug\n        order\n        title\n      }\n    }\n  }\n": types.LessonPageDocument,
    "\n  mutation RecordLessonProgress($input: LessonProgressInput!) {\n    recordLessonProgress(input: $input) {\n      ...LessonProgressFields\n    }\n  }\n": types.RecordLessonProgressDocument,
    "\n  query LessonObjectives($slug: String!, $locale: Locale!) {\n    lesson(slug: $slug, locale: $locale) {\n      slug\n      objectives {\n        id\n        text\n      }\n    }\n  }\n": types.LessonObjectivesDocument,
    "\n  mutation SetLocale($locale: Locale!) {\n    setLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n": types.SetLocaleDocument,
    "\n  query MyAssignments($locale: Locale!, $quizId: ID) {\n    myAssignments(locale: $locale, quizId: $quizId) {\n      id\n      kind\n      targetId\n      lessonSlug\n      title\n      classroomName\n      opensAt\n      dueAt\n      latePolicy\n      state\n    }\n  }\n": types.MyAssignmentsDocument,
    "\n  fragment NoteFields on Note {\n    id\n    lessonSlug\n    paragraphId\n    language\n    quote\n    body\n    status\n    start\n    end\n    updatedAt\n  }\n": types.NoteFieldsFragmentDoc,
    "\n  query MyNotes($lessonSlug: String) {\n    myNotes(lessonSlug: $lessonSlug) {\n      ...NoteFields\n    }\n  }\n": types.MyNotesDocument,
    "\n  mutation SaveNote($input: SaveNoteInput!) {\n    saveNote(input: $input) {\n      ...NoteFields\n    }\n  }\n": types.SaveNoteDocument,
    "\n  mutation DeleteNote($id: ID!) {\n    deleteNote(id: $id)\n  }\n": types.DeleteNoteDocument,
    "\n  query ProgressPage($locale: Locale!) {\n    course(locale: $locale) {\n      id\n      lessons {\n        slug\n        order\n        title\n        objectives {\n          id\n          text\n        }\n        quiz {\n          id\n        }\n      }\n      retiredLessons {\n        slug\n        order\n        title\n        retired\n      }\n    }\n    myProgress {\n      reviewsDue\n      lessons {\n        ...LessonProgressFields\n      }\n      objectives {\n        ...ObjectiveMasteryFields\n      }\n    }\n  }\n": types.ProgressPageDocument,
    "\n  query QuizOverview($id: ID!, $locale: Locale!) {\n    quiz(id: $id, locale: $locale) {\n      id\n      title\n      lessonSlug\n      role\n      items {\n        id\n        type\n      }\n      settings {\n        ...QuizSettingsFields\n      }\n    }\n    course(locale: $locale) {\n      id\n      lessons {\n        slug\n        title\n      }\n    }\n    myProgress {\n      lessons {\n        ...LessonProgressFields\n      }\n    }\n    myOpenAttempts(quizId: $id) {\n      id\n      mode\n      startedAt\n      secondsLeft\n    }\n  }\n": types.QuizOverviewDocument,
    "\n  mutation StartAttempt($quizId: ID!, $mode: AttemptMode!, $locale: Locale) {\n    startAttempt(quizId: $quizId, mode: $mode, locale: $locale) {\n      id\n      mode\n      state\n    }\n  }\n": types.StartAttemptDocument,
    "\n  query ReviewQueue($limit: Int!) {\n    reviewQueue(limit: $limit) {\n      ...QuizItemFields\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  mutation SubmitReview($input: ReviewAnswerInput!) {\n    submitReview(input: $input) {\n      ...ItemResponseFields\n      nextReviewAt\n    }\n  }\n": types.SubmitReviewDocument,
    "\n  query CourseSearch($query: String!, $locale: Locale!, $first: Int!) {\n    search(query: $query, locale: $locale, first: $first) {\n      total\n      hits {\n        kind\n        lessonSlug\n        lessonTitle\n        anchor\n        language\n        truncatedStart\n        truncatedEnd\n        segments {\n          text\n          match\n        }\n      }\n    }\n  }\n": types.CourseSearchDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassCalibration($id: ID!, $quizId: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      calibration(quizId: $quizId) {\n        ...CalibrationFields\n      }\n      itemStats(quizId: $quizId, locale: $locale) {\n        itemId\n        prompt\n        hintedAnswers\n        hintsUsed\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassCalibration($id: ID!, $quizId: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      calibration(quizId: $quizId) {\n        ...CalibrationFields\n      }\n      itemStats(quizId: $quizId, locale: $locale) {\n        itemId\n        prompt\n        hintedAnswers\n        hintsUsed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LtiClassStatus($id: ID!) {\n    ltiClassStatus(classroomId: $id) {\n      canSyncRoster\n      leftLearnerIds\n      unsentScores { id learnerName quizId state tries nextTryAt lastError }\n    }\n  }\n"): (typeof documents)["\n  query LtiClassStatus($id: ID!) {\n    ltiClassStatus(classroomId: $id) {\n      canSyncRoster\n      leftLearnerIds\n      unsentScores { id learnerName quizId state tries nextTryAt lastError }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncLtiRoster($id: ID!) {\n    syncLtiRoster(classroomId: $id) { listed added created left active }\n  }\n"): (typeof documents)["\n  mutation SyncLtiRoster($id: ID!) {\n    syncLtiRoster(classroomId: $id) { listed added created left active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClassroomCardFields on Classroom {\n    id\n    name\n    joinCode\n    createdAt\n    archivedAt\n    myRole\n    learnerCount\n  }\n"): (typeof documents)["\n  fragment ClassroomCardFields on Classroom {\n    id\n    name\n    joinCode\n    createdAt\n    archivedAt\n    myRole\n    learnerCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClassroomProgressRowFields on LearnerProgressRow {\n    learner {\n      id\n      displayName\n      disambiguator\n    }\n    lessons {\n      lessonSlug\n      status\n      bestScore\n    }\n  }\n"): (typeof documents)["\n  fragment ClassroomProgressRowFields on LearnerProgressRow {\n    learner {\n      id\n      displayName\n      disambiguator\n    }\n    lessons {\n      lessonSlug\n      status\n      bestScore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LessonAverageFields on LessonAverage {\n    lessonSlug\n    completed\n    completionRate\n    averageBestScore\n    assessed\n  }\n"): (typeof documents)["\n  fragment LessonAverageFields on LessonAverage {\n    lessonSlug\n    completed\n    completionRate\n    averageBestScore\n    assessed\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ObjectiveSummaryFields on ObjectiveSummary {\n    objectiveId\n    lessonSlug\n    notStarted\n    attempted\n    familiar\n    proficient\n    mastered\n    averageFraction\n  }\n"): (typeof documents)["\n  fragment ObjectiveSummaryFields on ObjectiveSummary {\n    objectiveId\n    lessonSlug\n    notStarted\n    attempted\n    familiar\n    proficient\n    mastered\n    averageFraction\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NeedsHelpFields on NeedsHelp {\n    learner {\n      id\n      displayName\n      disambiguator\n    }\n    reasons\n    averageBestScore\n    weakObjectives\n    lessonsCompleted\n  }\n"): (typeof documents)["\n  fragment NeedsHelpFields on NeedsHelp {\n    learner {\n      id\n      displayName\n      disambiguator\n    }\n    reasons\n    averageBestScore\n    weakObjectives\n    lessonsCompleted\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClassroomActivityFields on ClassroomActivity {\n    type\n    learnerId\n    learnerName\n    learnerDisambiguator\n    quizId\n    itemId\n    attemptId\n    at\n  }\n"): (typeof documents)["\n  fragment ClassroomActivityFields on ClassroomActivity {\n    type\n    learnerId\n    learnerName\n    learnerDisambiguator\n    quizId\n    itemId\n    attemptId\n    at\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ItemStatFields on ItemStat {\n    itemId\n    type\n    prompt\n    points\n    attempts\n    responses\n    facilityIndex\n    discriminationIndex\n    needsCheck\n    checkReasons\n    distribution {\n      key\n      label\n      correct\n      count\n    }\n    statements {\n      id\n      label\n      responses\n      correct\n      categories {\n        key\n        label\n        correct\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ItemStatFields on ItemStat {\n    itemId\n    type\n    prompt\n    points\n    attempts\n    responses\n    facilityIndex\n    discriminationIndex\n    needsCheck\n    checkReasons\n    distribution {\n      key\n      label\n      correct\n      count\n    }\n    statements {\n      id\n      label\n      responses\n      correct\n      categories {\n        key\n        label\n        correct\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PendingEssayFields on PendingEssay {\n    responseId\n    learner {\n      id\n      displayName\n      disambiguator\n    }\n    quizId\n    itemId\n    prompt\n    text\n    wordCount\n    expectedWords {\n      min\n      max\n    }\n    maxScore\n    rubric {\n      id\n      criterion\n      points\n    }\n    answeredAt\n  }\n"): (typeof documents)["\n  fragment PendingEssayFields on PendingEssay {\n    responseId\n    learner {\n      id\n      displayName\n      disambiguator\n    }\n    quizId\n    itemId\n    prompt\n    text\n    wordCount\n    expectedWords {\n      min\n      max\n    }\n    maxScore\n    rubric {\n      id\n      criterion\n      points\n    }\n    answeredAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LearnerAttemptFields on LearnerAttempt {\n    id\n    quizId\n    mode\n    state\n    attemptNumber\n    startedAt\n    finishedAt\n    score\n    maxScore\n    late\n    responses {\n      id\n      itemId\n      itemVersion\n      itemType\n      prompt\n      answer {\n        ...AnswerFields\n      }\n      status\n      score\n      maxScore\n      correct\n      answeredAt\n      graderComment\n    }\n  }\n"): (typeof documents)["\n  fragment LearnerAttemptFields on LearnerAttempt {\n    id\n    quizId\n    mode\n    state\n    attemptNumber\n    startedAt\n    finishedAt\n    score\n    maxScore\n    late\n    responses {\n      id\n      itemId\n      itemVersion\n      itemType\n      prompt\n      answer {\n        ...AnswerFields\n      }\n      status\n      score\n      maxScore\n      correct\n      answeredAt\n      graderComment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CourseOutlineFields on Lesson {\n    slug\n    order\n    title\n    objectives {\n      id\n      text\n    }\n    quiz {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment CourseOutlineFields on Lesson {\n    slug\n    order\n    title\n    objectives {\n      id\n      text\n    }\n    quiz {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CourseLessonFields on Lesson {\n    slug\n    order\n    title\n    summary\n    estimatedMinutes\n    quiz {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment CourseLessonFields on Lesson {\n    slug\n    order\n    title\n    summary\n    estimatedMinutes\n    quiz {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LessonProgressFields on LessonProgress {\n    lessonSlug\n    status\n    bestScore\n    grade\n    lastParagraphId\n    paragraphsSeen\n    paragraphsTotal\n    timeSpentSeconds\n    assessmentAttemptsUsed\n    assessmentAttemptsAllowed\n  }\n"): (typeof documents)["\n  fragment LessonProgressFields on LessonProgress {\n    lessonSlug\n    status\n    bestScore\n    grade\n    lastParagraphId\n    paragraphsSeen\n    paragraphsTotal\n    timeSpentSeconds\n    assessmentAttemptsUsed\n    assessmentAttemptsAllowed\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SourceFields on Source {\n    id\n    n\n    title\n    publisher\n    date\n    url\n  }\n"): (typeof documents)["\n  fragment SourceFields on Source {\n    id\n    n\n    title\n    publisher\n    date\n    url\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LessonSectionFields on LessonSection {\n    id\n    heading\n    paragraphs {\n      id\n      text\n      sourceParagraphs\n      terms {\n        termId\n        start\n        end\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment LessonSectionFields on LessonSection {\n    id\n    heading\n    paragraphs {\n      id\n      text\n      sourceParagraphs\n      terms {\n        termId\n        start\n        end\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KeyTermFields on KeyTerm {\n    id\n    term\n    definition\n  }\n"): (typeof documents)["\n  fragment KeyTermFields on KeyTerm {\n    id\n    term\n    definition\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineEntryFields on TimelineEntry {\n    date\n    event\n    sourceParagraphs\n  }\n"): (typeof documents)["\n  fragment TimelineEntryFields on TimelineEntry {\n    date\n    event\n    sourceParagraphs\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContextFactFields on ContextFact {\n    id\n    date\n    text\n    sources {\n      title\n      publisher\n      date\n      url\n    }\n  }\n"): (typeof documents)["\n  fragment ContextFactFields on ContextFact {\n    id\n    date\n    text\n    sources {\n      title\n      publisher\n      date\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ObjectiveMasteryFields on ObjectiveMastery {\n    objectiveId\n    lessonSlug\n    level\n    fraction\n  }\n"): (typeof documents)["\n  fragment ObjectiveMasteryFields on ObjectiveMastery {\n    objectiveId\n    lessonSlug\n    level\n    fraction\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuizItemFields on QuizItem {\n    id\n    type\n    prompt\n    points\n    objectiveIds\n    choices {\n      id\n      text\n    }\n    targets {\n      id\n      text\n    }\n    rubric {\n      id\n      criterion\n      points\n    }\n  }\n"): (typeof documents)["\n  fragment QuizItemFields on QuizItem {\n    id\n    type\n    prompt\n    points\n    objectiveIds\n    choices {\n      id\n      text\n    }\n    targets {\n      id\n      text\n    }\n    rubric {\n      id\n      criterion\n      points\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnswerFields on Answer {\n    choiceIds\n    text\n    sequence\n    pairs {\n      leftId\n      rightId\n    }\n  }\n"): (typeof documents)["\n  fragment AnswerFields on Answer {\n    choiceIds\n    text\n    sequence\n    pairs {\n      leftId\n      rightId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ItemResponseFields on ItemResponse {\n    id\n    itemId\n    status\n    score\n    maxScore\n    correct\n    spellingNote\n    answeredAt\n    answer {\n      ...AnswerFields\n    }\n    rightAnswer {\n      ...AnswerFields\n    }\n    rubricMarks {\n      criterionId\n      criterion\n      points\n      score\n      comment\n    }\n    feedback {\n      explanation\n      comment\n      evidence {\n        lessonSlug\n        paragraphId\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ItemResponseFields on ItemResponse {\n    id\n    itemId\n    status\n    score\n    maxScore\n    correct\n    spellingNote\n    answeredAt\n    answer {\n      ...AnswerFields\n    }\n    rightAnswer {\n      ...AnswerFields\n    }\n    rubricMarks {\n      criterionId\n      criterion\n      points\n      score\n      comment\n    }\n    feedback {\n      explanation\n      comment\n      evidence {\n        lessonSlug\n        paragraphId\n        text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuizSettingsFields on QuizSettings {\n    maxAttempts\n    timeLimitMinutes\n    gradingMethod\n    reviewPolicy\n    closesAt\n  }\n"): (typeof documents)["\n  fragment QuizSettingsFields on QuizSettings {\n    maxAttempts\n    timeLimitMinutes\n    gradingMethod\n    reviewPolicy\n    closesAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttemptFields on Attempt {\n    id\n    quizId\n    mode\n    state\n    locale\n    startedAt\n    finishedAt\n    deadline\n    score\n    maxScore\n    feedbackAvailable\n    items {\n      ...QuizItemFields\n    }\n    responses {\n      ...ItemResponseFields\n    }\n    skipped {\n      itemId\n      rightAnswer {\n        ...AnswerFields\n      }\n      feedback {\n        explanation\n        evidence {\n          lessonSlug\n          paragraphId\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AttemptFields on Attempt {\n    id\n    quizId\n    mode\n    state\n    locale\n    startedAt\n    finishedAt\n    deadline\n    score\n    maxScore\n    feedbackAvailable\n    items {\n      ...QuizItemFields\n    }\n    responses {\n      ...ItemResponseFields\n    }\n    skipped {\n      itemId\n      rightAnswer {\n        ...AnswerFields\n      }\n      feedback {\n        explanation\n        evidence {\n          lessonSlug\n          paragraphId\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActorMap($locale: Locale!, $lessonSlug: String) {\n    actorMap(locale: $locale, lessonSlug: $lessonSlug) {\n      actors {\n        id\n        name\n        aliases\n        role\n        kind\n        source {\n          publisher\n          date\n          url\n        }\n      }\n      relations {\n        id\n        from\n        to\n        type\n        label\n        source {\n          publisher\n          date\n          url\n        }\n        evidence {\n          paragraphId\n          lessonSlug\n          lessonTitle\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActorMap($locale: Locale!, $lessonSlug: String) {\n    actorMap(locale: $locale, lessonSlug: $lessonSlug) {\n      actors {\n        id\n        name\n        aliases\n        role\n        kind\n        source {\n          publisher\n          date\n          url\n        }\n      }\n      relations {\n        id\n        from\n        to\n        type\n        label\n        source {\n          publisher\n          date\n          url\n        }\n        evidence {\n          paragraphId\n          lessonSlug\n          lessonTitle\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassAssignments($id: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      timeZone\n    }\n    classAssignments(classroomId: $id, locale: $locale) {\n      id\n      kind\n      targetId\n      title\n      opensAt\n      dueAt\n      latePolicy\n      report {\n        notStarted\n        inProgress\n        done\n        late\n        overdue\n        behind {\n          id\n          displayName\n          state\n          doneAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassAssignments($id: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      timeZone\n    }\n    classAssignments(classroomId: $id, locale: $locale) {\n      id\n      kind\n      targetId\n      title\n      opensAt\n      dueAt\n      latePolicy\n      report {\n        notStarted\n        inProgress\n        done\n        late\n        overdue\n        behind {\n          id\n          displayName\n          state\n          doneAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAssignment($input: AssignmentInput!) {\n    createAssignment(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAssignment($input: AssignmentInput!) {\n    createAssignment(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAssignment($id: ID!, $terms: AssignmentTermsInput!) {\n    updateAssignment(id: $id, terms: $terms) {\n      id\n      opensAt\n      dueAt\n      latePolicy\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAssignment($id: ID!, $terms: AssignmentTermsInput!) {\n    updateAssignment(id: $id, terms: $terms) {\n      id\n      opensAt\n      dueAt\n      latePolicy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAssignment($id: ID!) {\n    deleteAssignment(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteAssignment($id: ID!) {\n    deleteAssignment(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetClassroomTimeZone($id: ID!, $timeZone: String!) {\n    setClassroomTimeZone(classroomId: $id, timeZone: $timeZone) {\n      id\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  mutation SetClassroomTimeZone($id: ID!, $timeZone: String!) {\n    setClassroomTimeZone(classroomId: $id, timeZone: $timeZone) {\n      id\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AttemptPage($id: ID!) {\n    attempt(id: $id) {\n      ...AttemptFields\n    }\n  }\n"): (typeof documents)["\n  query AttemptPage($id: ID!) {\n    attempt(id: $id) {\n      ...AttemptFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AttemptQuiz($id: ID!, $locale: Locale!) {\n    quiz(id: $id, locale: $locale) {\n      id\n      title\n      lessonSlug\n      settings {\n        ...QuizSettingsFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AttemptQuiz($id: ID!, $locale: Locale!) {\n    quiz(id: $id, locale: $locale) {\n      id\n      title\n      lessonSlug\n      settings {\n        ...QuizSettingsFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitAnswer($input: SubmitAnswerInput!) {\n    submitAnswer(input: $input) {\n      ...ItemResponseFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitAnswer($input: SubmitAnswerInput!) {\n    submitAnswer(input: $input) {\n      ...ItemResponseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishAttempt($id: ID!) {\n    finishAttempt(attemptId: $id) {\n      ...AttemptFields\n    }\n  }\n"): (typeof documents)["\n  mutation FinishAttempt($id: ID!) {\n    finishAttempt(attemptId: $id) {\n      ...AttemptFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n    role\n    locale\n  }\n"): (typeof documents)["\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n    role\n    locale\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassSummary($id: ID!) {\n    classroom(id: $id) {\n      ...ClassroomCardFields\n      lessonAverages {\n        ...LessonAverageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassSummary($id: ID!) {\n    classroom(id: $id) {\n      ...ClassroomCardFields\n      lessonAverages {\n        ...LessonAverageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassMatrix($id: ID!, $offset: Int!, $limit: Int!, $search: String!, $sort: RosterSort!) {\n    classroom(id: $id) {\n      id\n      found: learnerCount(search: $search)\n      progress(offset: $offset, limit: $limit, search: $search, sort: $sort) {\n        ...ClassroomProgressRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassMatrix($id: ID!, $offset: Int!, $limit: Int!, $search: String!, $sort: RosterSort!) {\n    classroom(id: $id) {\n      id\n      found: learnerCount(search: $search)\n      progress(offset: $offset, limit: $limit, search: $search, sort: $sort) {\n        ...ClassroomProgressRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassInsights($id: ID!, $threshold: Float!) {\n    classroom(id: $id) {\n      id\n      mastery {\n        ...ObjectiveSummaryFields\n      }\n      needsHelp(threshold: $threshold, limit: 20) {\n        ...NeedsHelpFields\n      }\n      pendingEssays(limit: 50) {\n        responseId\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassInsights($id: ID!, $threshold: Float!) {\n    classroom(id: $id) {\n      id\n      mastery {\n        ...ObjectiveSummaryFields\n      }\n      needsHelp(threshold: $threshold, limit: 20) {\n        ...NeedsHelpFields\n      }\n      pendingEssays(limit: 50) {\n        responseId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassActivity($id: ID!) {\n    classroom(id: $id) {\n      id\n      recentActivity(limit: 20) {\n        ...ClassroomActivityFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassActivity($id: ID!) {\n    classroom(id: $id) {\n      id\n      recentActivity(limit: 20) {\n        ...ClassroomActivityFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClassActivityFeed($id: ID!) {\n    classroomActivity(classroomId: $id) {\n      ...ClassroomActivityFields\n    }\n  }\n"): (typeof documents)["\n  subscription ClassActivityFeed($id: ID!) {\n    classroomActivity(classroomId: $id) {\n      ...ClassroomActivityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveLearner($classroomId: ID!, $learnerId: ID!) {\n    removeLearner(classroomId: $classroomId, learnerId: $learnerId)\n  }\n"): (typeof documents)["\n  mutation RemoveLearner($classroomId: ID!, $learnerId: ID!) {\n    removeLearner(classroomId: $classroomId, learnerId: $learnerId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameClassroom($id: ID!, $name: String!) {\n    renameClassroom(classroomId: $id, name: $name) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation RenameClassroom($id: ID!, $name: String!) {\n    renameClassroom(classroomId: $id, name: $name) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Gradebook($id: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      name\n      gradebookCsv(locale: $locale)\n    }\n  }\n"): (typeof documents)["\n  query Gradebook($id: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      name\n      gradebookCsv(locale: $locale)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassLearner($id: ID!, $learnerId: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      name\n      learner(id: $learnerId, locale: $locale) {\n        learner {\n          id\n          displayName\n          disambiguator\n          joinedAt\n        }\n        lessons {\n          lessonSlug\n          status\n          bestScore\n        }\n        objectives {\n          objectiveId\n          level\n          fraction\n        }\n        attempts {\n          ...LearnerAttemptFields\n        }\n      }\n    }\n    course(locale: $locale) {\n      id\n      lessons {\n        ...CourseOutlineFields\n        quiz {\n          id\n          items {\n            id\n            choices {\n              id\n              text\n            }\n            targets {\n              id\n              text\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassLearner($id: ID!, $learnerId: ID!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      name\n      learner(id: $learnerId, locale: $locale) {\n        learner {\n          id\n          displayName\n          disambiguator\n          joinedAt\n        }\n        lessons {\n          lessonSlug\n          status\n          bestScore\n        }\n        objectives {\n          objectiveId\n          level\n          fraction\n        }\n        attempts {\n          ...LearnerAttemptFields\n        }\n      }\n    }\n    course(locale: $locale) {\n      id\n      lessons {\n        ...CourseOutlineFields\n        quiz {\n          id\n          items {\n            id\n            choices {\n              id\n              text\n            }\n            targets {\n              id\n              text\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassPrePost($id: ID!, $limit: Int!) {\n    classroom(id: $id) {\n      id\n      prePost(limit: $limit) {\n        learner {\n          id\n          displayName\n          disambiguator\n        }\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n      prePostAverage {\n        learners\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassPrePost($id: ID!, $limit: Int!) {\n    classroom(id: $id) {\n      id\n      prePost(limit: $limit) {\n        learner {\n          id\n          displayName\n          disambiguator\n        }\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n      prePostAverage {\n        learners\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassSettings($id: ID!) {\n    classroom(id: $id) {\n      id\n      name\n      archivedAt\n      myRole\n      teachers {\n        id\n        displayName\n        email\n        owner\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassSettings($id: ID!) {\n    classroom(id: $id) {\n      id\n      name\n      archivedAt\n      myRole\n      teachers {\n        id\n        displayName\n        email\n        owner\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveClassroom($id: ID!) {\n    archiveClassroom(classroomId: $id) {\n      id\n      archivedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveClassroom($id: ID!) {\n    archiveClassroom(classroomId: $id) {\n      id\n      archivedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnarchiveClassroom($id: ID!) {\n    unarchiveClassroom(classroomId: $id) {\n      id\n      archivedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UnarchiveClassroom($id: ID!) {\n    unarchiveClassroom(classroomId: $id) {\n      id\n      archivedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteClassroom($id: ID!, $confirmName: String!) {\n    deleteClassroom(classroomId: $id, confirmName: $confirmName)\n  }\n"): (typeof documents)["\n  mutation DeleteClassroom($id: ID!, $confirmName: String!) {\n    deleteClassroom(classroomId: $id, confirmName: $confirmName)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCoInstructor($id: ID!, $email: String!) {\n    addCoInstructor(classroomId: $id, email: $email) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddCoInstructor($id: ID!, $email: String!) {\n    addCoInstructor(classroomId: $id, email: $email) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCoInstructorInvite($id: ID!) {\n    createCoInstructorInvite(classroomId: $id) {\n      path\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCoInstructorInvite($id: ID!) {\n    createCoInstructorInvite(classroomId: $id) {\n      path\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveCoInstructor($id: ID!, $userId: ID!) {\n    removeCoInstructor(classroomId: $id, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveCoInstructor($id: ID!, $userId: ID!) {\n    removeCoInstructor(classroomId: $id, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferClassroom($id: ID!, $userId: ID!) {\n    transferClassroom(classroomId: $id, userId: $userId) {\n      id\n      myRole\n    }\n  }\n"): (typeof documents)["\n  mutation TransferClassroom($id: ID!, $userId: ID!) {\n    transferClassroom(classroomId: $id, userId: $userId) {\n      id\n      myRole\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptCoInstructorInvite($token: String!) {\n    acceptCoInstructorInvite(token: $token) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptCoInstructorInvite($token: String!) {\n    acceptCoInstructorInvite(token: $token) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeachClassrooms {\n    myClassrooms {\n      ...ClassroomCardFields\n    }\n  }\n"): (typeof documents)["\n  query TeachClassrooms {\n    myClassrooms {\n      ...ClassroomCardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeachArchivedClassrooms {\n    myClassrooms(archived: true) {\n      ...ClassroomCardFields\n    }\n  }\n"): (typeof documents)["\n  query TeachArchivedClassrooms {\n    myClassrooms(archived: true) {\n      ...ClassroomCardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateClassroom($name: String!, $timeZone: String) {\n    createClassroom(name: $name, timeZone: $timeZone) {\n      ...ClassroomCardFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateClassroom($name: String!, $timeZone: String) {\n    createClassroom(name: $name, timeZone: $timeZone) {\n      ...ClassroomCardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateJoinCode($id: ID!) {\n    regenerateJoinCode(classroomId: $id) {\n      id\n      joinCode\n    }\n  }\n"): (typeof documents)["\n  mutation RegenerateJoinCode($id: ID!) {\n    regenerateJoinCode(classroomId: $id) {\n      id\n      joinCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CourseHome($locale: Locale!) {\n    course(locale: $locale) {\n      id\n      title\n      description\n      audience\n      article {\n        title\n        language\n      }\n      sources {\n        ...SourceFields\n      }\n      lessons {\n        ...CourseLessonFields\n      }\n      diagnostic {\n        id\n        title\n      }\n      final {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query CourseHome($locale: Locale!) {\n    course(locale: $locale) {\n      id\n      title\n      description\n      audience\n      article {\n        title\n        language\n      }\n      sources {\n        ...SourceFields\n      }\n      lessons {\n        ...CourseLessonFields\n      }\n      diagnostic {\n        id\n        title\n      }\n      final {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProgressSummary {\n    myProgress {\n      reviewsDue\n      lessons {\n        ...LessonProgressFields\n      }\n      objectives {\n        objectiveId\n        lessonSlug\n        level\n        fraction\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyProgressSummary {\n    myProgress {\n      reviewsDue\n      lessons {\n        ...LessonProgressFields\n      }\n      objectives {\n        objectiveId\n        lessonSlug\n        level\n        fraction\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CourseOutline($locale: Locale!) {\n    course(locale: $locale) {\n      id\n      lessons {\n        ...CourseOutlineFields\n      }\n      retiredLessons {\n        ...CourseOutlineFields\n      }\n      diagnostic {\n        id\n        title\n      }\n      final {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query CourseOutline($locale: Locale!) {\n    course(locale: $locale) {\n      id\n      lessons {\n        ...CourseOutlineFields\n      }\n      retiredLessons {\n        ...CourseOutlineFields\n      }\n      diagnostic {\n        id\n        title\n      }\n      final {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CourseTimeline($locale: Locale!) {\n    courseTimeline(locale: $locale) {\n      events {\n        id\n        date\n        event\n        kind\n        lessonSlug\n        lessonTitle\n        paragraphId\n        actorIds\n        source {\n          publisher\n          date\n          url\n        }\n      }\n      actors {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CourseTimeline($locale: Locale!) {\n    courseTimeline(locale: $locale) {\n      events {\n        id\n        date\n        event\n        kind\n        lessonSlug\n        lessonTitle\n        paragraphId\n        actorIds\n        source {\n          publisher\n          date\n          url\n        }\n      }\n      actors {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassEssays($id: ID!, $locale: Locale!, $offset: Int!, $limit: Int!, $quizId: ID) {\n    classroom(id: $id) {\n      id\n      name\n      pendingEssayCount(quizId: $quizId)\n      pendingEssays(locale: $locale, offset: $offset, limit: $limit, quizId: $quizId) {\n        ...PendingEssayFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassEssays($id: ID!, $locale: Locale!, $offset: Int!, $limit: Int!, $quizId: ID) {\n    classroom(id: $id) {\n      id\n      name\n      pendingEssayCount(quizId: $quizId)\n      pendingEssays(locale: $locale, offset: $offset, limit: $limit, quizId: $quizId) {\n        ...PendingEssayFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GradeEssay($input: GradeEssayInput!) {\n    gradeEssay(input: $input) {\n      id\n      status\n      score\n      maxScore\n    }\n  }\n"): (typeof documents)["\n  mutation GradeEssay($input: GradeEssayInput!) {\n    gradeEssay(input: $input) {\n      id\n      status\n      score\n      maxScore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GradebookExport($id: ID!, $format: SheetFormat!, $separator: CsvSeparator!, $locale: Locale!) {\n    gradebookExport(classroomId: $id, format: $format, separator: $separator, locale: $locale) {\n      filename\n      contentType\n      base64\n    }\n  }\n"): (typeof documents)["\n  query GradebookExport($id: ID!, $format: SheetFormat!, $separator: CsvSeparator!, $locale: Locale!) {\n    gradebookExport(classroomId: $id, format: $format, separator: $separator, locale: $locale) {\n      filename\n      contentType\n      base64\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponsesExport($id: ID!, $quizId: ID!, $format: SheetFormat!, $separator: CsvSeparator!, $locale: Locale!) {\n    responsesExport(classroomId: $id, quizId: $quizId, format: $format, separator: $separator, locale: $locale) {\n      filename\n      contentType\n      base64\n    }\n  }\n"): (typeof documents)["\n  query ResponsesExport($id: ID!, $quizId: ID!, $format: SheetFormat!, $separator: CsvSeparator!, $locale: Locale!) {\n    responsesExport(classroomId: $id, quizId: $quizId, format: $format, separator: $separator, locale: $locale) {\n      filename\n      contentType\n      base64\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemBankExport($quizId: ID!, $format: ItemBankFormat!) {\n    itemBankExport(quizId: $quizId, format: $format) {\n      filename\n      contentType\n      base64\n    }\n  }\n"): (typeof documents)["\n  query ItemBankExport($quizId: ID!, $format: ItemBankFormat!) {\n    itemBankExport(quizId: $quizId, format: $format) {\n      filename\n      contentType\n      base64\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyGains {\n    myGains {\n      diagnosticQuizId\n      finalQuizId\n      preTaken\n      postTaken\n      diagnosticAttemptsUsed\n      finalAttemptsUsed\n      overall {\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n      objectives {\n        objectiveId\n        objectiveText\n        lessonSlug\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyGains {\n    myGains {\n      diagnosticQuizId\n      finalQuizId\n      preTaken\n      postTaken\n      diagnosticAttemptsUsed\n      finalAttemptsUsed\n      overall {\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n      objectives {\n        objectiveId\n        objectiveText\n        lessonSlug\n        pre\n        post\n        raw\n        normalized\n        alreadyMastered\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassItemStats($id: ID!, $quizId: ID!, $all: Boolean!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      name\n      itemStats(quizId: $quizId, allAttempts: $all, locale: $locale) {\n        ...ItemStatFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassItemStats($id: ID!, $quizId: ID!, $all: Boolean!, $locale: Locale!) {\n    classroom(id: $id) {\n      id\n      name\n      itemStats(quizId: $quizId, allAttempts: $all, locale: $locale) {\n        ...ItemStatFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyClasses {\n    myClassrooms {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query MyClasses {\n    myClassrooms {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinClassroom($code: String!) {\n    joinClassroom(code: $code) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation JoinClassroom($code: String!) {\n    joinClassroom(code: $code) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ItemHintFields on ItemHint {\n    itemId\n    used\n    max\n    lessonSlug\n    lessonTitle\n    sectionId\n    sectionHeading\n    paragraphs {\n      paragraphId\n      text\n    }\n  }\n"): (typeof documents)["\n  fragment ItemHintFields on ItemHint {\n    itemId\n    used\n    max\n    lessonSlug\n    lessonTitle\n    sectionId\n    sectionHeading\n    paragraphs {\n      paragraphId\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CalibrationFields on Calibration {\n    answers\n    averageMark\n    levels {\n      certainty\n      answers\n      accuracy\n      verdict\n    }\n  }\n"): (typeof documents)["\n  fragment CalibrationFields on Calibration {\n    answers\n    averageMark\n    levels {\n      certainty\n      answers\n      accuracy\n      verdict\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AttemptTools($id: ID!) {\n    attempt(id: $id) {\n      id\n      certaintyMode\n      hintsAvailable\n      hints {\n        ...ItemHintFields\n      }\n      responses {\n        id\n        itemId\n        certainty\n        hintsUsed\n        cbmMark\n      }\n      calibration {\n        ...CalibrationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AttemptTools($id: ID!) {\n    attempt(id: $id) {\n      id\n      certaintyMode\n      hintsAvailable\n      hints {\n        ...ItemHintFields\n      }\n      responses {\n        id\n        itemId\n        certainty\n        hintsUsed\n        cbmMark\n      }\n      calibration {\n        ...CalibrationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TakeHint($attemptId: ID!, $itemId: ID!) {\n    takeHint(attemptId: $attemptId, itemId: $itemId) {\n      ...ItemHintFields\n    }\n  }\n"): (typeof documents)["\n  mutation TakeHint($attemptId: ID!, $itemId: ID!) {\n    takeHint(attemptId: $attemptId, itemId: $itemId) {\n      ...ItemHintFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LessonPage($slug: String!, $locale: Locale!) {\n    lesson(slug: $slug, locale: $locale) {\n      slug\n      order\n      title\n      summary\n      estimatedMinutes\n      objectives {\n        id\n        text\n      }\n      sections {\n        ...LessonSectionFields\n      }\n      keyTerms {\n        ...KeyTermFields\n      }\n      timeline {\n        ...TimelineEntryFields\n      }\n      sources {\n        ...SourceFields\n      }\n      contextBefore {\n        ...ContextFactFields\n      }\n      contextAfter {\n        ...ContextFactFields\n      }\n      quiz {\n        id\n      }\n    }\n    course(locale: $locale) {\n      id\n      article {\n        title\n      }\n      lessons {\n        slug\n        order\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query LessonPage($slug: String!, $locale: Locale!) {\n    lesson(slug: $slug, locale: $locale) {\n      slug\n      order\n      title\n      summary\n      estimatedMinutes\n      objectives {\n        id\n        text\n      }\n      sections {\n        ...LessonSectionFields\n      }\n      keyTerms {\n        ...KeyTermFields\n      }\n      timeline {\n        ...TimelineEntryFields\n      }\n      sources {\n        ...SourceFields\n      }\n      contextBefore {\n        ...ContextFactFields\n      }\n      contextAfter {\n        ...ContextFactFields\n      }\n      quiz {\n        id\n      }\n    }\n    course(locale: $locale) {\n      id\n      article {\n        title\n      }\n      lessons {\n        slug\n        order\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordLessonProgress($input: LessonProgressInput!) {\n    recordLessonProgress(input: $input) {\n      ...LessonProgressFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordLessonProgress($input: LessonProgressInput!) {\n    recordLessonProgress(input: $input) {\n      ...LessonProgressFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LessonObjectives($slug: String!, $locale: Locale!) {\n    lesson(slug: $slug, locale: $locale) {\n      slug\n      objectives {\n        id\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  query LessonObjectives($slug: String!, $locale: Locale!) {\n    lesson(slug: $slug, locale: $locale) {\n      slug\n      objectives {\n        id\n        text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLocale($locale: Locale!) {\n    setLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n"): (typeof documents)["\n  mutation SetLocale($locale: Locale!) {\n    setLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAssignments($locale: Locale!, $quizId: ID) {\n    myAssignments(locale: $locale, quizId: $quizId) {\n      id\n      kind\n      targetId\n      lessonSlug\n      title\n      classroomName\n      opensAt\n      dueAt\n      latePolicy\n      state\n    }\n  }\n"): (typeof documents)["\n  query MyAssignments($locale: Locale!, $quizId: ID) {\n    myAssignments(locale: $locale, quizId: $quizId) {\n      id\n      kind\n      targetId\n      lessonSlug\n      title\n      classroomName\n      opensAt\n      dueAt\n      latePolicy\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NoteFields on Note {\n    id\n    lessonSlug\n    paragraphId\n    language\n    quote\n    body\n    status\n    start\n    end\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment NoteFields on Note {\n    id\n    lessonSlug\n    paragraphId\n    language\n    quote\n    body\n    status\n    start\n    end\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotes($lessonSlug: String) {\n    myNotes(lessonSlug: $lessonSlug) {\n      ...NoteFields\n    }\n  }\n"): (typeof documents)["\n  query MyNotes($lessonSlug: String) {\n    myNotes(lessonSlug: $lessonSlug) {\n      ...NoteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveNote($input: SaveNoteInput!) {\n    saveNote(input: $input) {\n      ...NoteFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveNote($input: SaveNoteInput!) {\n    saveNote(input: $input) {\n      ...NoteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteNote($id: ID!) {\n    deleteNote(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteNote($id: ID!) {\n    deleteNote(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgressPage($locale: Locale!) {\n    course(locale: $locale) {\n      id\n      lessons {\n        slug\n        order\n        title\n        objectives {\n          id\n          text\n        }\n        quiz {\n          id\n        }\n      }\n      retiredLessons {\n        slug\n        order\n        title\n        retired\n      }\n    }\n    myProgress {\n      reviewsDue\n      lessons {\n        ...LessonProgressFields\n      }\n      objectives {\n        ...ObjectiveMasteryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgressPage($locale: Locale!) {\n    course(locale: $locale) {\n      id\n      lessons {\n        slug\n        order\n        title\n        objectives {\n          id\n          text\n        }\n        quiz {\n          id\n        }\n      }\n      retiredLessons {\n        slug\n        order\n        title\n        retired\n      }\n    }\n    myProgress {\n      reviewsDue\n      lessons {\n        ...LessonProgressFields\n      }\n      objectives {\n        ...ObjectiveMasteryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizOverview($id: ID!, $locale: Locale!) {\n    quiz(id: $id, locale: $locale) {\n      id\n      title\n      lessonSlug\n      role\n      items {\n        id\n        type\n      }\n      settings {\n        ...QuizSettingsFields\n      }\n    }\n    course(locale: $locale) {\n      id\n      lessons {\n        slug\n        title\n      }\n    }\n    myProgress {\n      lessons {\n        ...LessonProgressFields\n      }\n    }\n    myOpenAttempts(quizId: $id) {\n      id\n      mode\n      startedAt\n      secondsLeft\n    }\n  }\n"): (typeof documents)["\n  query QuizOverview($id: ID!, $locale: Locale!) {\n    quiz(id: $id, locale: $locale) {\n      id\n      title\n      lessonSlug\n      role\n      items {\n        id\n        type\n      }\n      settings {\n        ...QuizSettingsFields\n      }\n    }\n    course(locale: $locale) {\n      id\n      lessons {\n        slug\n        title\n      }\n    }\n    myProgress {\n      lessons {\n        ...LessonProgressFields\n      }\n    }\n    myOpenAttempts(quizId: $id) {\n      id\n      mode\n      startedAt\n      secondsLeft\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAttempt($quizId: ID!, $mode: AttemptMode!, $locale: Locale) {\n    startAttempt(quizId: $quizId, mode: $mode, locale: $locale) {\n      id\n      mode\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation StartAttempt($quizId: ID!, $mode: AttemptMode!, $locale: Locale) {\n    startAttempt(quizId: $quizId, mode: $mode, locale: $locale) {\n      id\n      mode\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($limit: Int!) {\n    reviewQueue(limit: $limit) {\n      ...QuizItemFields\n    }\n  }\n"): (typeof documents)["\n  query ReviewQueue($limit: Int!) {\n    reviewQueue(limit: $limit) {\n      ...QuizItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitReview($input: ReviewAnswerInput!) {\n    submitReview(input: $input) {\n      ...ItemResponseFields\n      nextReviewAt\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitReview($input: ReviewAnswerInput!) {\n    submitReview(input: $input) {\n      ...ItemResponseFields\n      nextReviewAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CourseSearch($query: String!, $locale: Locale!, $first: Int!) {\n    search(query: $query, locale: $locale, first: $first) {\n      total\n      hits {\n        kind\n        lessonSlug\n        lessonTitle\n        anchor\n        language\n        truncatedStart\n        truncatedEnd\n        segments {\n          text\n          match\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CourseSearch($query: String!, $locale: Locale!, $first: Int!) {\n    search(query: $query, locale: $locale, first: $first) {\n      total\n      hits {\n        kind\n        lessonSlug\n        lessonTitle\n        anchor\n        language\n        truncatedStart\n        truncatedEnd\n        segments {\n          text\n          match\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;