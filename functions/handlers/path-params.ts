/**
 * The formats of path parameters. The router checks each one before any handler runs, so a
 * malformed or over-long id is a 400 and never reaches the store (whose key limits would make it a 500).
 */
import { isCanonicalFieldElement } from "../../protocol";
import { hex32 } from "../../protocol/wire";
import { BlingError } from "../api/errors";

export type PathParamKind = "referendumId" | "censusId" | "ballotId" | "nullifier";

const FORMATS: Record<PathParamKind, { valid: (value: string) => boolean; message: string }> = {
  // Non-zero: a referendum id scopes nullifiers, and createReferendum never issues 0.
  referendumId: {
    valid: (value) => value !== "0" && isCanonicalFieldElement(value),
    message: "must be a referendum id: a non-zero field element in canonical decimal",
  },
  // createCensus names a census by 16 random bytes in lowercase hex.
  censusId: { valid: (value) => /^[0-9a-f]{32}$/.test(value), message: "must be a census id: 32 lowercase hex digits" },
  ballotId: {
    valid: (value) => hex32.safeParse(value).success,
    message: "must be a ballot id: 64 lowercase hex digits",
  },
  nullifier: {
    valid: isCanonicalFieldElement,
    message: "must be a nullifier: a field element in canonical decimal",
  },
};

/** Parameters that mean the same thing on every route. `id` is resolved by the collection it names. */
const KIND_BY_NAME: Partial<Record<string, PathParamKind>> = { ballotId: "ballotId", nullifier: "nullifier" };

const ID_BY_PREFIX: [RegExp, PathParamKind][] = [
  [/^\/v1\/(council\/)?referenda\/\{id\}/, "referendumId"],
  [/^\/v1\/(council\/)?censuses\/\{id\}/, "censusId"],
];

/**
 * The kind of every `{name}` in a route pattern.
 * @throws Error when a parameter has no known format: a route cannot be declared without one.
 */
export function pathParamKinds(path: string): Readonly<Record<string, PathParamKind>> {
  const kinds: Record<string, PathParamKind> = {};
  for (const [, name = ""] of path.matchAll(/\{([^}]*)\}/g)) {
    const kind = name === "id" ? ID_BY_PREFIX.find(([prefix]) => prefix.test(path))?.[1] : KIND_BY_NAME[name];
    if (!kind) throw new Error(`route ${path}: path parameter {${name}} has no format in path-params.ts`);
    kinds[name] = kind;
  }
  return kinds;
}

function decoded(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * Decodes and checks the raw (still percent-encoded) captures of a matched route.
 * @throws BlingError PATH_INVALID with `details: [{ path, message }]`, one per bad parameter.
 */
export function parsePathParams(
  kinds: Readonly<Record<string, PathParamKind>>,
  raw: Readonly<Record<string, string>>,
): Record<string, string> {
  const params: Record<string, string> = {};
  const issues: { path: string; message: string }[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const kind = kinds[name];
    const text = decoded(value);
    if (text === null) issues.push({ path: name, message: "malformed percent-encoding" });
    else if (!kind || !FORMATS[kind].valid(text))
      issues.push({ path: name, message: kind ? FORMATS[kind].message : "unexpected" });
    else params[name] = text;
  }
  const first = issues[0];
  if (first) throw new BlingError("PATH_INVALID", `${first.path}: ${first.message}`, issues);
  return params;
}
