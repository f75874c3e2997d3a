/**
 * The TableStore on DynamoDB (or dynalite locally): the only module that imports the AWS SDK.
 * Conditional writes map to ConditionExpressions; a failed condition is `false`, never an error.
 */
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from "@aws-sdk/lib-dynamodb";
import { BlingError } from "../api/errors";
import type { QueryOptions, TableItem, TableKey, TableStore, WriteCondition } from "../core/ports";

const BATCH = 25;
const BATCH_GET = 100;
const keyOf = (pk: string, sk: string): string => `${pk}\u0000${sk}`;

/** Waits before resending what DynamoDB handed back unprocessed (exponential, capped at 1 s). */
const backOff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));

interface Expression {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

function conditionOf(condition: WriteCondition | undefined): Expression {
  if (!condition) return {};
  if ("absent" in condition) return { ConditionExpression: "attribute_not_exists(pk)" };
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const clauses = Object.entries(condition.match).map(([name, value], i) => {
    names[`#a${i}`] = name;
    if (value === null) return `attribute_not_exists(#a${i})`;
    values[`:v${i}`] = value;
    return `#a${i} = :v${i}`;
  });
  return {
    ConditionExpression: clauses.join(" AND "),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
const OVERLOADED = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
  "TimeoutError",
]);

/**
 * Whether the table could not be reached or was overloaded (after the SDK's own retries): the client
 * should retry, so the API answers 503 rather than 500. Anything else is a bug and stays a 500.
 */
function isUnavailable(error: unknown): boolean {
  // Duck-typed: socket errors come from Node's own realm, where `instanceof Error` may not hold (jest).
  if (typeof error !== "object" || error === null) return false;
  const { name, code, message, $metadata } = error as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  return (
    (name !== undefined && OVERLOADED.has(name)) ||
    (code !== undefined && NETWORK_CODES.has(code)) ||
    ($metadata?.httpStatusCode ?? 0) >= 500 ||
    // The SDK's retry layer wraps a socket error it does not recognise as an Error (another realm)
    // in a new Error that keeps only its text.
    (message?.startsWith("AWS SDK error wrapper for") === true && [...NETWORK_CODES].some((c) => message.includes(c)))
  );
}

/** Runs one request, turning an unreachable or overloaded table into STORE_UNAVAILABLE. */
async function reach<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (isUnavailable(error)) throw new BlingError("STORE_UNAVAILABLE");
    throw error;
  }
}

async function unlessConditionFails(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await reach(write);
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export class DynamoStore implements TableStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly table: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async get(pk: string, sk: string): Promise<TableItem | null> {
    const { Item } = await reach(() =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: { pk, sk }, ConsistentRead: true })),
    );
    return (Item as TableItem | undefined) ?? null;
  }

  async getMany(keys: readonly TableKey[]): Promise<(TableItem | null)[]> {
    const found = new Map<string, TableItem>();
    // BatchGetItem refuses a repeated key: ask for each once, answer every position.
    const distinct = [...new Map(keys.map(({ pk, sk }) => [keyOf(pk, sk), { pk, sk }])).values()];
    for (let start = 0; start < distinct.length; start += BATCH_GET) {
      let wanted: TableKey[] = distinct.slice(start, start + BATCH_GET);
      for (let attempt = 0; wanted.length > 0; attempt++) {
        if (attempt > 0) await backOff(attempt);
        const { Responses, UnprocessedKeys } = await reach(() =>
          this.doc.send(
            new BatchGetCommand({ RequestItems: { [this.table]: { Keys: wanted, ConsistentRead: true } } }),
          ),
        );
        for (const item of (Responses?.[this.table] ?? []) as TableItem[]) found.set(keyOf(item.pk, item.sk), item);
        wanted = (UnprocessedKeys?.[this.table]?.Keys ?? []) as TableKey[];
      }
    }
    return keys.map(({ pk, sk }) => found.get(keyOf(pk, sk)) ?? null);
  }

  put(item: TableItem, condition?: WriteCondition): Promise<boolean> {
    return unlessConditionFails(() =>
      this.doc.send(new PutCommand({ TableName: this.table, Item: item, ...conditionOf(condition) })),
    );
  }

  async putMany(items: TableItem[]): Promise<void> {
    // BatchWriteItem refuses a repeated key; the last write of a key wins, as with single puts.
    const distinct = [...new Map(items.map((item) => [keyOf(item.pk, item.sk), item])).values()];
    for (let start = 0; start < distinct.length; start += BATCH) {
      let requests = distinct.slice(start, start + BATCH).map((Item) => ({ PutRequest: { Item } }));
      // DynamoDB may hand some writes back under load: resend them until none is left.
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 0) await backOff(attempt);
        const { UnprocessedItems } = await reach(() =>
          this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: requests } })),
        );
        requests = (UnprocessedItems?.[this.table] ?? []) as typeof requests;
      }
    }
  }

  delete(pk: string, sk: string, condition?: WriteCondition): Promise<boolean> {
    return unlessConditionFails(() =>
      this.doc.send(new DeleteCommand({ TableName: this.table, Key: { pk, sk }, ...conditionOf(condition) })),
    );
  }

  async query(pk: string, { prefix, after, limit, descending = false }: QueryOptions): Promise<TableItem[]> {
    const items: TableItem[] = [];
    let start: Record<string, unknown> | undefined = after === undefined ? undefined : { pk, sk: after };
    do {
      const page = await reach(() =>
        this.doc.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues: { ":pk": pk, ":prefix": prefix },
            ExclusiveStartKey: start,
            Limit: limit - items.length,
            ScanIndexForward: !descending,
            ConsistentRead: true,
          }),
        ),
      );
      items.push(...((page.Items ?? []) as TableItem[]));
      start = page.LastEvaluatedKey;
    } while (start && items.length < limit);
    return items;
  }
}

/** Creates the single table if it does not exist (local stack and tests; in AWS the CDK app creates it). */
export async function ensureTable(client: DynamoDBClient, table: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: table,
        KeySchema: [
          { AttributeName: "pk", KeyType: "HASH" },
          { AttributeName: "sk", KeyType: "RANGE" },
        ],
        AttributeDefinitions: [
          { AttributeName: "pk", AttributeType: "S" },
          { AttributeName: "sk", AttributeType: "S" },
        ],
        // dynalite predates on-demand billing; AWS uses PAY_PER_REQUEST from the CDK app.
        ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 100 },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
    if (Table?.TableStatus === "ACTIVE") return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A DynamoDB client for an endpoint (dynalite) or, without one, the Lambda's own region and role. */
export function dynamoClient(endpoint?: string): DynamoDBClient {
  return endpoint
    ? new DynamoDBClient({ endpoint, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } })
    : new DynamoDBClient({});
}
