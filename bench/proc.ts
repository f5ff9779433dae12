// What the kernel says of a process the benches measure (Linux /proc): its memory and CPU time.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** VmRSS (resident now) and VmHWM (the kernel's peak of it) of a process, in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

const TICK_MS = 1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);

/**
 * CPU time a process used so far, all its threads: utime + stime, fields 14 and 15 of
 * /proc/<pid>/stat (counted after the command name, which may hold spaces). Unlike wall time,
 * barely moved by the machine's load.
 */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8")
    .replace(/^.*\) /s, "")
    .split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}
