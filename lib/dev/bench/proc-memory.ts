import { readFileSync } from "node:fs";

/** A process's resident memory as Linux reports it in /proc/PID/status (`VmRSS:  123456 kB`), in MiB. */
export function parseVmRssMiB(status: string): number | undefined {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) / 1024 : undefined;
}

/** undefined off Linux, or when the process has gone. */
export function residentMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    return parseVmRssMiB(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return undefined;
  }
}
