/**
 * Whether the process that left a staging or scratch folder (its PID is in the folder's name) is
 * still running: a folder of a run that is gone (SIGKILL, a crash, a power cut) is removed by the
 * next run; one of a live run is that run's.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A folder older than this is dropped even when its PID is alive: the PID was reused. */
export const STALE_MS = 24 * 60 * 60 * 1000;
