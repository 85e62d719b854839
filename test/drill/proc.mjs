// What the drills read of a process from /proc.
import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory of a process in MB (0 once it is gone). */
export function rssMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
    return line ? Number(line[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Open file descriptors of a process (0 once it is gone). */
export function fdCount(pid) {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return 0;
  }
}
