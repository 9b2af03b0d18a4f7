/** Process measurements from /proc (Linux): CPU time and peak resident memory of a child process. */
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid … [11] utime, [12] stime, [13] cutime, [14] cstime. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

const micros = (ticks: number) => (ticks * 1_000_000) / TICKS_PER_SECOND;

/** User + system CPU time of a process, in microseconds. */
export function cpuMicros(pid: number): number {
  const fields = statFields(pid);
  return micros(Number(fields[11]) + Number(fields[12]));
}

/**
 * CPU time of a process, of its children that are running and of those it has reaped (cutime, cstime), in
 * microseconds: for PostgreSQL's postmaster, the whole server with every backend, past and present.
 */
export function treeCpuMicros(pid: number): number {
  const own = statFields(pid);
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = statFields(Number(entry));
      if (Number(f[1]) === pid) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return micros(ticks);
}

/** A memory figure from /proc/PID/status, in MiB. */
function statusMiB(pid: number, field: "VmHWM" | "VmRSS"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Peak resident set size (VmHWM) of a process, in MiB. */
export const peakRssMiB = (pid: number) => statusMiB(pid, "VmHWM");

/** Resident set size now (VmRSS) of a process, in MiB. */
export const rssMiB = (pid: number) => statusMiB(pid, "VmRSS");

/**
 * CPU time of the whole machine from /proc/stat, in microseconds summed over its cores: busy (user, nice,
 * system, irq, softirq) and steal (taken by the hypervisor for other guests).
 */
export function machineCpuMicros(): { busy: number; steal: number } {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  return { busy: micros(user + nice + system + irq + softirq), steal: micros(steal) };
}
