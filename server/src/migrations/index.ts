import { ContentTables1764370000000 } from "./1764370000000-ContentTables.js";
import { LearnerTables1764380000000 } from "./1764380000000-LearnerTables.js";
import { Classrooms1764390000000 } from "./1764390000000-Classrooms.js";
import { DashboardRollups1764400000000 } from "./1764400000000-DashboardRollups.js";
import { LearnerSummary1764410000000 } from "./1764410000000-LearnerSummary.js";
import { ClassLessonRollups1764420000000 } from "./1764420000000-ClassLessonRollups.js";
import { SignInThrottle1764430000000 } from "./1764430000000-SignInThrottle.js";
import { RepairLessonCompletions1764440000000 } from "./1764440000000-RepairLessonCompletions.js";
import { ServerSecrets1764456000000 } from "./1764456000000-ServerSecrets.js";
import { LtiTables1764470000000 } from "./1764470000000-LtiTables.js";
import { ClientAnswerIds1764471400000 } from "./1764471400000-ClientAnswerIds.js";
import { EssayRubricGrades1764481800000 } from "./1764481800000-EssayRubricGrades.js";
import { CertaintyAndHints1764490000000 } from "./1764490000000-CertaintyAndHints.js";
import { UserIdentityKeys1764495500000 } from "./1764495500000-UserIdentityKeys.js";
import { HintedResponseIndex1764495600000 } from "./1764495600000-HintedResponseIndex.js";
import { LiveSessions1764500000000 } from "./1764500000000-LiveSessions.js";
import { LtiAdvantage1764500500000 } from "./1764500500000-LtiAdvantage.js";
import { Assignments1764503300000 } from "./1764503300000-Assignments.js";
import { Notes1764506150000 } from "./1764506150000-Notes.js";
import { ClassManagement1764507771000 } from "./1764507771000-ClassManagement.js";
import { MasteryState1764512000000 } from "./1764512000000-MasteryState.js";
import { ReviewDays1764512100000 } from "./1764512100000-ReviewDays.js";
import { DashboardCoveringIndexes1764520000000 } from "./1764520000000-DashboardCoveringIndexes.js";

/** Every migration, oldest first. */
export const MIGRATIONS = [ContentTables1764370000000, LearnerTables1764380000000, Classrooms1764390000000, DashboardRollups1764400000000, LearnerSummary1764410000000, ClassLessonRollups1764420000000, SignInThrottle1764430000000, RepairLessonCompletions1764440000000, ServerSecrets1764456000000, LtiTables1764470000000, ClientAnswerIds1764471400000, EssayRubricGrades1764481800000, CertaintyAndHints1764490000000, UserIdentityKeys1764495500000, HintedResponseIndex1764495600000, LiveSessions1764500000000, LtiAdvantage1764500500000, Assignments1764503300000, Notes1764506150000, ClassManagement1764507771000, MasteryState1764512000000, ReviewDays1764512100000, DashboardCoveringIndexes1764520000000];
