/**
 * The class management page's pure rules: a delete is confirmed only by the class's name typed exactly
 * (spaces around it ignored, Arabic in either Unicode composition), the invite link's address, and the
 * co-instructors among the teachers.
 */
import { describe, expect, it } from "vitest";
import { coInstructors, confirmsName, inviteUrl } from "../../client/src/components/classroom/class-manage.js";

describe("confirmsName", () => {
  it("should accept the name typed exactly, with spaces around it", () => {
    expect(confirmsName("الصف التاسع — ب", "الصف التاسع — ب")).toBe(true);
    expect(confirmsName("  Sahel seminar\t", "Sahel seminar")).toBe(true);
  });

  it("should refuse a part of the name, another case, or nothing", () => {
    expect(confirmsName("الصف التاسع", "الصف التاسع — ب")).toBe(false);
    expect(confirmsName("sahel seminar", "Sahel seminar")).toBe(false);
    expect(confirmsName("", "Sahel seminar")).toBe(false);
    expect(confirmsName("   ", "")).toBe(false);
  });

  it("should treat the composed and decomposed forms of a letter alike (as the server does)", () => {
    // "آ" composed (U+0622) and as alef + madda (U+0627 U+0653).
    expect(confirmsName("\u0627\u0653خر", "\u0622خر")).toBe(true);
  });
});

describe("inviteUrl", () => {
  it("should join the origin and the server's path without a double slash", () => {
    expect(inviteUrl("https://school.example", "/teach/invite/abc")).toBe("https://school.example/teach/invite/abc");
    expect(inviteUrl("https://school.example/", "/teach/invite/abc")).toBe("https://school.example/teach/invite/abc");
  });
});

describe("coInstructors", () => {
  it("should leave the owner out and keep the order", () => {
    const list = [
      { id: "o", owner: true },
      { id: "b", owner: false },
      { id: "a", owner: false },
    ];
    expect(coInstructors(list).map((t) => t.id)).toEqual(["b", "a"]);
  });
});
