/**
 * Who may do what with a class, in one place. A class is taught by its owner (classroom."instructorId") and its
 * co-instructors (classroom_teacher); admins may do everything. Every rule that used to say "the class's
 * instructor" asks here: canTeach for reading and teaching, isOwner for the owner's acts (archive, delete,
 * co-instructors, transfer). A class someone may not teach answers exactly as a missing one does.
 */
import type { DataSource, EntityManager } from "typeorm";
import { Role } from "../shared/role.enum.js";
import type { Viewer } from "../shared/viewer.js";
import { ClassroomRow, ClassroomTeacherRow } from "./classroom.entity.js";

/** How the viewer stands to a class: its owner, a co-instructor, an admin (of every class), or not at all. */
export type ClassRole = "OWNER" | "CO_INSTRUCTOR" | "ADMIN";

export interface ClassAccess {
  room: ClassroomRow;
  role: ClassRole;
}

/** The viewer's role in the class, or null when the class is missing or the viewer does not teach it. */
export async function classAccess(db: DataSource | EntityManager, viewer: Pick<Viewer, "id" | "role">, classroomId: string): Promise<ClassAccess | null> {
  const room = await db.getRepository(ClassroomRow).findOneBy({ id: classroomId });
  if (!room) return null;
  if (room.instructorId === viewer.id) return { room, role: "OWNER" };
  if (await db.getRepository(ClassroomTeacherRow).findOneBy({ classroomId, userId: viewer.id })) return { room, role: "CO_INSTRUCTOR" };
  if (viewer.role === Role.ADMIN) return { room, role: "ADMIN" };
  return null;
}

/** Reads, teaching and grading: the owner, a co-instructor, an admin. */
export const canTeach = (access: ClassAccess | null): access is ClassAccess => access !== null;

/** The owner's acts (archive, delete, co-instructors, transfer): the owner or an admin. */
export const isOwner = (access: ClassAccess | null): boolean => access?.role === "OWNER" || access?.role === "ADMIN";

/**
 * The SQL condition "the viewer teaches class <alias>" (owner or co-instructor), for queries over many classes;
 * its one parameter is the viewer's id.
 */
export const teachesSql = (alias: string): string =>
  `(${alias}."instructorId" = ? OR EXISTS (SELECT 1 FROM classroom_teacher t WHERE t."classroomId" = ${alias}.id AND t."userId" = ?))`;
