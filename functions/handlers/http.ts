/** HTTP plumbing of the handlers: API Gateway v2 events in, JSON (or CSV) responses out, errors as codes. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { BlingError, toErrorResponse } from "../api/errors";
import { MAX_BODY_BYTES } from "../api/schemas";

export type HttpResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

const HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function json(statusCode: number, body: unknown): HttpResponse {
  return { statusCode, headers: HEADERS, body: JSON.stringify(body) };
}

export function csv(filename: string, rows: string[][]): HttpResponse {
  const text = rows
    .map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(","))
    .join("\n");
  return {
    statusCode: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
    body: `${text}\n`,
  };
}

export function errorResponse(error: unknown, log: (message: string, error: unknown) => void): HttpResponse {
  const { status, body } = toErrorResponse(error);
  if (status >= 500) log("request failed", error);
  return json(status, body);
}

/**
 * The JSON body of a request.
 * @throws BlingError BODY_TOO_LARGE or JSON_MALFORMED.
 */
export function bodyOf(event: APIGatewayProxyEventV2): unknown {
  const raw = event.body ?? "";
  const bytes = event.isBase64Encoded ? Buffer.from(raw, "base64") : Buffer.from(raw, "utf8");
  if (bytes.length > MAX_BODY_BYTES) throw new BlingError("BODY_TOO_LARGE");
  if (bytes.length === 0) return {};
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    throw new BlingError("JSON_MALFORMED");
  }
}
