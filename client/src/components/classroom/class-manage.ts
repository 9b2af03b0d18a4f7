/**
 * Pure rules of the class management page (pages/instructor/ClassSettingsPage.vue), kept apart so that unit
 * tests reach them: the typed confirmation of a delete, and the full address of a co-instructor invite link.
 */

/** Whether what was typed confirms deleting the class: its name, spaces around it ignored (as the server does). */
export function confirmsName(typed: string, name: string): boolean {
  return typed.trim().normalize("NFC") === name.normalize("NFC") && name.length > 0;
}

/** The address to share: the app's origin with the server's path (which starts with "/"). */
export function inviteUrl(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, "")}${path}`;
}

/** The co-instructors among the teachers (the owner is listed first and is not one). */
export function coInstructors<T extends { owner: boolean }>(teachers: readonly T[]): T[] {
  return teachers.filter((t) => !t.owner);
}
