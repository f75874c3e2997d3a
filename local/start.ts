/**
 * `npm start`: the local stack under `.bling/`, seeded once with a demo council, census and open
 * referendum. Prints what a developer needs and stops everything cleanly on Ctrl-C.
 */
import { join } from "node:path";
import { REPO_ROOT } from "../circuits/scripts/compile";
import { buildWeb } from "../web/scripts/build-web";
import { startLocalStack } from "./stack";
import { DEMO_COUNCIL, seedDemo } from "./seed-demo";

async function main(): Promise<void> {
  const dataDir = process.env.BLING_DATA_DIR ?? join(REPO_ROOT, ".bling");
  const port = Number(process.env.BLING_PORT ?? 8787);
  // Rebuilt only when its sources changed since the last build.
  await buildWeb();
  const stack = await startLocalStack({ dataDir, port, siteDir: join(REPO_ROOT, "web", "out") });
  const seed = await seedDemo(stack.deps);
  const lines = [
    "",
    "BLING local stack",
    `  site           ${stack.apiUrl}/`,
    `  API            ${stack.apiUrl}/v1/config`,
    `  chain RPC      ${stack.rpcUrl} (chain id ${stack.deployment.chainId})`,
    `  registry       ${stack.deployment.registry}`,
    `  data           ${dataDir}`,
    `  council token  ${await stack.councilToken(DEMO_COUNCIL)}`,
    `                 (council "${DEMO_COUNCIL}"; send as "Authorization: Bearer <token>")`,
  ];
  if (seed) {
    lines.push(
      `  demo referendum ${seed.referendumId} (census ${seed.censusId})`,
      `  registration codes: ${seed.codes.join("  ")}`,
      `  demo voters' recovery codes: ${seed.voters.join("  ")}`,
    );
  }
  lines.push("", "Ctrl-C stops everything; state stays in the data folder.", "");
  console.log(lines.join("\n"));

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log("stopping...");
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
