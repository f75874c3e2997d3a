/**
 * A one-line progress bar on stderr for long audits: redrawn at most ten times a second, shown only
 * on a terminal or when asked (`--progress`), so logs and pipes stay clean.
 */
export interface Progress {
  update(label: string, done: number, total: number): void;
  finish(): void;
}

const WIDTH = 30;
const number = (n: number): string => n.toLocaleString("en-US");

/** A bar writing to `write` (nothing when `enabled` is false). `now` is injectable for tests. */
export function createProgress(
  write: (text: string) => void,
  enabled: boolean,
  now: () => number = () => performance.now(),
): Progress {
  let label = "";
  let started = 0;
  let drawnAt = -Infinity;
  let drawn = false;
  return {
    update(next, done, total) {
      if (!enabled) return;
      const t = now();
      if (next !== label) {
        label = next;
        started = t;
      } else if (t - drawnAt < 100 && done < total) return;
      drawnAt = t;
      const filled = total > 0 ? Math.round((WIDTH * done) / total) : WIDTH;
      const rate = t > started ? Math.round((done * 1000) / (t - started)) : 0;
      write(
        `\r${label} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${number(done)}/${number(total)} ${number(rate)}/s\x1b[K`,
      );
      drawn = true;
    },
    finish() {
      if (drawn) write("\r\x1b[K");
      drawn = false;
      label = "";
    },
  };
}
