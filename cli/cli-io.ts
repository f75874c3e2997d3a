/** What a command may touch of the process: its output streams, whether stderr is a terminal. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (the progress bar shows by default only there). */
  errIsTty: boolean;
}

/** A command line that cannot run as given: the CLI prints the message and the usage, exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export function processIo(): CliIo {
  return {
    out: (text) => {
      process.stdout.write(text);
    },
    err: (text) => {
      process.stderr.write(text);
    },
    errIsTty: process.stderr.isTTY,
  };
}
