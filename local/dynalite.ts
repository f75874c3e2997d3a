/**
 * dynalite as its own process on 127.0.0.1 (a port the OS picks), optionally persisting to a
 * LevelDB folder: the local stack's DynamoDB, and a process a test can kill -9. Node only.
 */
import { spawn, type ChildProcess } from "node:child_process";

export interface LocalDynalite {
  endpoint: string;
  pid: number;
  /** Stops dynalite gracefully and waits for it to exit. */
  stop(): Promise<void>;
  /** kill -9: what a crash looks like. */
  kill(): Promise<void>;
}

// Run by `node -e` in the child: dynalite's own CLI cannot listen on port 0.
const SERVER = `
const dynalite = require(${JSON.stringify(require.resolve("dynalite"))});
const path = process.env.BLING_DYNALITE_PATH || undefined;
const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, "127.0.0.1", () => console.log("listening " + server.address().port));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
`;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => {
      resolve();
    });
  });
}

export async function startDynalite(path?: string, timeoutMs = 15000): Promise<LocalDynalite> {
  const child = spawn(process.execPath, ["-e", SERVER], {
    env: { ...process.env, BLING_DYNALITE_PATH: path ?? "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const killOnExit = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`dynalite did not start:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`dynalite exited with ${code}:\n${output}`));
    });
  }).catch((error: unknown) => {
    process.off("exit", killOnExit);
    throw error;
  });
  child.stdout.resume();
  child.stderr.resume();
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    process.off("exit", killOnExit);
    child.kill(signal);
    await exited(child);
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
  };
}
