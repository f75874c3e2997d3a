/**
 * The floors (DESIGN.md), ground first: protocol -> circuits (build) -> contracts -> functions ->
 * audit -> web | cli -> infra | local -> bench. A file imports only from its own floor or below,
 * never tests or benchmarks; some floors have inner walls too. Each zone is one config object and
 * the zones do not overlap, because a later `no-restricted-imports` replaces an earlier one.
 */
const folder = (name) => [`**/${name}`, `**/${name}/**`];
const SERVICE_INSIDE = ["core", "adapters", "handlers", "lambda"].flatMap((part) => folder(`functions/${part}`));
/** A sibling folder of functions/, as a file inside functions/ spells it (`../adapters/...`). */
const sibling = (...parts) => parts.flatMap((part) => [`../${part}`, `../${part}/**`, ...folder(`functions/${part}`)]);
const NOT_OURS = [...folder("test"), ...folder("bench")];

/** zod comes configured from protocol/zod.ts: its JIT would probe eval, which the site's CSP refuses. */
const ZOD = { name: "zod", message: 'import { z } from protocol/zod.ts (zod without its JIT), not from "zod".' };

function zone(name, files, forbidden, why, ignores = []) {
  const patterns = [{ group: [...forbidden, ...NOT_OURS], message: why }];
  const paths = name === "protocol/zod" ? [] : [ZOD];
  return {
    name: `walls/${name}`,
    files,
    ignores,
    rules: {
      "no-restricted-imports": ["error", { paths, patterns }],
    },
  };
}

const ts = (dir) => [`${dir}/**/*.ts`, `${dir}/**/*.tsx`];
const above = (...names) => names.flatMap(folder);

module.exports = [
  zone(
    "protocol",
    ts("protocol"),
    [...above("circuits", "contracts", "functions", "audit", "web", "cli", "infra", "local"), "node:*", "**/*.node"],
    "protocol/ is the ground floor and browser-safe: no other floor, no node:* and no *.node module outside *.node.ts files.",
    ["protocol/**/*.node.ts", "protocol/zod.ts"],
  ),
  zone(
    "protocol-node",
    ["protocol/**/*.node.ts"],
    above("circuits", "contracts", "functions", "audit", "web", "cli", "infra", "local"),
    "protocol/ is the ground floor.",
  ),
  zone(
    "protocol/zod",
    ["protocol/zod.ts"],
    ["node:*", ...above("functions", "web")],
    "protocol/zod.ts configures zod only.",
  ),
  zone(
    "circuits",
    ts("circuits"),
    above("contracts", "functions", "audit", "web", "cli", "infra", "local"),
    "circuits/ (the build) sits on protocol/ only.",
  ),
  zone(
    "contracts",
    ts("contracts"),
    above("functions", "audit", "web", "cli", "infra", "local"),
    "contracts/ sits on protocol/ and circuits/ only.",
  ),
  zone(
    "functions/core",
    ts("functions/core"),
    [
      ...sibling("adapters", "handlers", "lambda"),
      ...above("audit", "web", "cli", "infra", "local"),
      "@aws-sdk/*",
      "ethers",
      "jose",
      "node:*",
    ],
    "functions/core is the pure domain: its adapters (store, chain, clock, signer) are passed in, never imported.",
  ),
  zone(
    "functions/api",
    ts("functions/api"),
    [...sibling("core", "adapters", "handlers", "lambda"), ...above("audit", "web", "cli", "infra", "local")],
    "functions/api is the HTTP contract that clients share: it knows nothing of the service behind it.",
  ),
  zone(
    "functions/handlers",
    ts("functions/handlers"),
    [...sibling("adapters", "lambda"), ...above("audit", "web", "cli", "infra", "local")],
    "handlers route HTTP to the core: adapters are passed in by the Lambda or the local stack.",
  ),
  zone(
    "functions",
    ts("functions"),
    above("audit", "web", "cli", "infra", "local"),
    "functions/ sits on protocol/ and contracts/ only.",
    ["functions/core/**", "functions/api/**", "functions/handlers/**"],
  ),
  zone(
    "audit",
    ts("audit"),
    [...SERVICE_INSIDE, ...above("circuits", "web", "cli", "infra", "local"), "node:*", "**/*.node"],
    "audit/ is what any observer has: the protocol, the chain client and the public API; browser-safe.",
  ),
  zone(
    "web",
    ts("web"),
    [...SERVICE_INSIDE, ...above("cli", "infra", "local"), "@aws-sdk/*", "node:*", "**/*.node"],
    "web/ is a third party to the service: the protocol, the chain client, the public API and the audit; browser-safe.",
    ["web/scripts/**", "web/next.config.ts"],
  ),
  zone(
    "web/scripts",
    ["web/scripts/**/*.ts", "web/next.config.ts"],
    above("cli", "infra", "local"),
    "web/'s build sits below infra/ and local/.",
  ),
  zone(
    "cli",
    ts("cli"),
    [...SERVICE_INSIDE, ...above("web", "infra", "local")],
    "the bling commands use only what any third party has: the protocol, the chain client, the public API and the audit.",
  ),
  zone(
    "infra",
    ts("infra"),
    above("cli", "local"),
    "infra/ assembles AWS; local/ assembles one machine: neither imports the other.",
  ),
  zone(
    "local",
    ts("local"),
    above("cli", "infra"),
    "local/ assembles one machine; infra/ assembles AWS: neither imports the other.",
  ),
];
