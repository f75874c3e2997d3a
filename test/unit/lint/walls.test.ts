/**
 * The floor plan's walls (eslint.walls.cjs) hold: an import across a wall is an error, the same
 * import from the right floor is not. Runs the walls through ESLint's Linter on in-memory files.
 */
import { Linter } from "eslint";
import tseslint from "typescript-eslint";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const walls = require("../../../eslint.walls.cjs") as Linter.Config[];

const linter = new Linter({ configType: "flat", cwd: process.cwd() });
const config: Linter.Config[] = [
  { files: ["**/*.ts", "**/*.tsx"], languageOptions: { parser: tseslint.parser } },
  ...walls,
];

/** The walls' complaints about `source` placed at `file` (a repository path). */
function refused(file: string, source: string): string[] {
  return linter
    .verify(source, config, { filename: `${process.cwd()}/${file}` })
    .filter((message) => message.ruleId === "no-restricted-imports")
    .map((message) => message.message);
}

describe("# the lint's walls between floors", () => {
  it.each([
    ["functions/core/probe.ts", 'import { DynamoStore } from "../adapters/dynamo-store";', "functions/core"],
    ["functions/core/probe.ts", 'import { readFile } from "node:fs/promises";', "functions/core"],
    ["functions/core/probe.ts", 'import { Wallet } from "ethers";', "functions/core"],
    ["functions/api/probe.ts", 'import { acceptBallot } from "../core/ballot-service";', "functions/api"],
    ["functions/handlers/probe.ts", 'import { DynamoStore } from "../adapters/dynamo-store";', "handlers"],
    ["protocol/probe.ts", 'import { createHash } from "node:crypto";', "protocol/"],
    ["protocol/probe.ts", 'import { loadArtifacts } from "./artifacts.node";', "protocol/"],
    ["protocol/probe.ts", 'import { tableKeys } from "../functions/core/table-keys";', "protocol/"],
    ["audit/probe.ts", 'import { startLocalStack } from "../local/stack";', "audit/"],
    ["audit/probe.ts", 'import { acceptBallot } from "../functions/core/ballot-service";', "audit/"],
    ["web/lib/probe.ts", 'import { readdir } from "node:fs/promises";', "web/"],
    ["web/lib/probe.ts", 'import { readDump } from "../../cli/dump";', "web/"],
    ["cli/probe.ts", 'import { startLocalStack } from "../local/stack";', "bling commands"],
    ["infra/lib/probe.ts", 'import { startLocalStack } from "../../local/stack";', "infra/"],
    ["local/probe.ts", 'import { BlingStack } from "../infra/lib/bling-stack";', "local/"],
    ["functions/core/probe.ts", 'import { memoryDeps } from "../../test/fixtures/core-fixtures";', "functions/core"],
    ["web/lib/probe.ts", 'import { z } from "zod";', "protocol/zod.ts"],
    ["protocol/probe.ts", 'import { z } from "zod";', "protocol/zod.ts"],
  ])("should refuse %s importing across a wall: %s", (file, source, why) => {
    const messages = refused(file, source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(why);
  });

  it.each([
    ["functions/core/probe.ts", 'import { SIGNAL } from "../../protocol/constants";'],
    ["functions/adapters/probe.ts", 'import { readFile } from "node:fs/promises";'],
    ["protocol/census-worker.node.ts", 'import { Worker } from "node:worker_threads";'],
    ["audit/probe.ts", 'import { ERRORS } from "../functions/api/errors";'],
    ["web/lib/probe.ts", 'import { runAudit } from "../../audit/audit";'],
    ["local/probe.ts", 'import { createApiHandler } from "../functions/handlers/api-handler";'],
    ["test/unit/probe.ts", 'import { startLocalStack } from "../../local/stack";'],
    ["protocol/zod.ts", 'import { z } from "zod";'],
    ["web/lib/probe.ts", 'import { z } from "../../protocol/zod";'],
  ])("should let %s import from its own floor or below: %s", (file, source) => {
    expect(refused(file, source)).toEqual([]);
  });
});
